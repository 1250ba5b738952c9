using System.Diagnostics;
using AnomalyStudio.App.Security;
using AnomalyStudio.Tests.EndToEnd;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Security;

/// <summary>
/// What a server leaves on disk: nothing once it stops, and, when it was killed, nothing once the next one starts.
/// </summary>
public sealed class PrivateTempDirectoryTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new("temp-test");

    public void Dispose() => _scratch.Dispose();

    private DirectoryInfo Leftover(int pid)
    {
        var directory = _scratch.Info.CreateSubdirectory($"anomalystudio-{pid}-{Guid.NewGuid():N}");
        File.WriteAllText(Path.Combine(directory.CreateSubdirectory("upload-1").FullName, "upload"), "an analyst's file");
        return directory;
    }

    [Fact]
    public async Task Removes_the_directories_of_processes_that_ended_and_keeps_everything_else()
    {
        using var ended = Process.Start("true")!;
        await ended.WaitForExitAsync();
        using var running = Process.Start("sleep", "60")!;
        try
        {
            var dead = Leftover(ended.Id);
            var alive = Leftover(running.Id);
            var mine = Leftover(Environment.ProcessId);
            var other = _scratch.Info.CreateSubdirectory("anomalystudio-shared-models-" + Guid.NewGuid().ToString("N"));

            Assert.Equal(1, PrivateTempDirectory.RemoveLeftovers(_scratch.Info.FullName));

            Assert.False(Directory.Exists(dead.FullName));
            Assert.True(Directory.Exists(alive.FullName));
            Assert.True(Directory.Exists(mine.FullName));
            Assert.True(Directory.Exists(other.FullName));
        }
        finally
        {
            running.Kill();
        }
    }

    [Fact]
    public async Task A_stopped_server_leaves_nothing_and_a_killed_ones_directory_goes_when_the_next_starts()
    {
        var settings = new Dictionary<string, string> { [PrivateTempDirectory.Variable] = _scratch.Info.FullName };
        string killedDirectory;
        await using (var killed = await AppServer.StartAsync(settings))
        {
            killedDirectory = Assert.Single(_scratch.Info.EnumerateDirectories()).FullName;
            await killed.KillAsync();
        }

        Assert.True(Directory.Exists(killedDirectory)); // SIGKILL: nothing of the server ran after

        await using (var next = await AppServer.StartAsync(settings))
        {
            var own = Assert.Single(_scratch.Info.EnumerateDirectories());
            Assert.NotEqual(killedDirectory, own.FullName);
            Assert.Contains($"anomalystudio-{next.ProcessId}-", own.Name, StringComparison.Ordinal);
        }

        Assert.Empty(_scratch.Info.EnumerateFileSystemInfos()); // stopped with SIGTERM, it removed its own
    }
}

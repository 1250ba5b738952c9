using System.Diagnostics;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Cli;

/// <summary>
/// The <c>anomalystudio</c> command that set-up installs: a wrapper that runs the checkout's run.sh from anywhere, reading
/// relative paths from the caller's directory. The build is used as it is (<c>ANOMALYSTUDIO_SKIP_SETUP</c>): the test
/// must not rebuild the assemblies it runs in.
/// </summary>
[Collection(CliTestGroup.Name)]
public sealed class CommandScriptTests
{
    [Fact]
    public async Task The_installed_command_runs_a_verb_from_any_directory_and_reads_relative_paths_from_there()
    {
        using var scratch = new ScratchDirectory("command");
        var bin = Directory.CreateDirectory(Path.Combine(scratch.FullName, "bin")).FullName;
        var work = Directory.CreateDirectory(Path.Combine(scratch.FullName, "work")).FullName;
        File.Copy(TestData.Samples("sample_metrics.csv"), Path.Combine(work, "metrics.csv"));

        var install = await RunAsync(scratch.FullName, Path.Combine(TestData.RepositoryRoot, "scripts", "install-command.sh"), [], bin);
        Assert.True(install.Code == 0, install.Error);
        Assert.Contains("installed the anomalystudio command: " + Path.Combine(bin, "anomalystudio"), install.Error, StringComparison.Ordinal);

        var detect = await RunAsync(work, Path.Combine(bin, "anomalystudio"), ["detect", "metrics.csv", "--limit", "1"], bin);
        Assert.True(detect.Code == 0, detect.Error);
        Assert.StartsWith("metrics.csv: csv, isolation-forest", detect.Output, StringComparison.Ordinal);
        Assert.Equal("", detect.Error); // nothing but the verb's own output

        var unknown = await RunAsync(work, Path.Combine(bin, "anomalystudio"), ["detect", "metrics.csv", "--frobnicate"], bin);
        Assert.Equal(2, unknown.Code);
        Assert.StartsWith("error: Unrecognized command or argument '--frobnicate'", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", unknown.Error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string directory, string program, string[] args, string bin)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ANOMALYSTUDIO_BIN"] = bin;
        start.Environment["ANOMALYSTUDIO_SKIP_SETUP"] = "1";
        start.Environment["AnomalyStudio__ModelDirectory"] = SharedModels.Directory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output, await error);
    }
}

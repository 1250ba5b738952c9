using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AnomalyStudio.App.Security;

/// <summary>
/// The process's own temporary directory, readable by this user only (mode 0700), for every copy of an analyst's
/// file the server makes: ASP.NET Core buffers uploads larger than 64 KB to disk under <c>ASPNETCORE_TEMP</c> (by
/// default the shared system temp directory, where other users of the machine could read them), and the dashboard
/// keeps each session's upload to re-run it with another model. The framework deletes each buffered file when its
/// request ends, failed or not; a session deletes its upload when replaced, cleared, released or closed; the directory
/// goes with the process; and one left by a process that was killed is removed by the next one to start.
/// </summary>
public static partial class PrivateTempDirectory
{
    public const string Variable = "ASPNETCORE_TEMP";

    private const string Prefix = "anomalystudio-";

    private static readonly Lazy<DirectoryInfo> Root = new(Create);

    public static DirectoryInfo Directory => Root.Value;

    /// <summary>Creates the directory and points ASP.NET Core's upload buffering at it; call before the first request.</summary>
    public static void Use()
    {
        // The framework reads the variable once, on the first buffered upload, and keeps it for the process.
        Environment.SetEnvironmentVariable(Variable, Root.Value.FullName);
    }

    /// <summary>A new directory of its own inside this one, for one session's upload.</summary>
    public static DirectoryInfo CreateSubdirectory(string prefix) => CreatePrivate(Path.Combine(Directory.FullName, prefix + Guid.NewGuid().ToString("N")));

    /// <summary>
    /// Removes the private directories, in <paramref name="parent"/>, of processes that are no longer running: what a
    /// killed server left behind (uploads included). A directory whose process id is running is kept, even if that
    /// id now belongs to another program, and one this user may not delete is skipped.
    /// </summary>
    /// <returns>How many were removed.</returns>
    public static int RemoveLeftovers(string parent)
    {
        var removed = 0;
        foreach (var candidate in System.IO.Directory.EnumerateDirectories(parent, Prefix + "*"))
        {
            if (OwnName().Match(Path.GetFileName(candidate)) is not { Success: true } match
                || !int.TryParse(match.Groups["pid"].ValueSpan, out var pid)
                || pid == Environment.ProcessId
                || IsRunning(pid))
            {
                continue;
            }

            try
            {
                System.IO.Directory.Delete(candidate, recursive: true);
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another user's, or in use: not ours to remove.
            }
        }

        return removed;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static DirectoryInfo Create()
    {
        // An operator's own ASPNETCORE_TEMP (a larger disk, say) is kept as the place; the private directory goes inside it.
        var parent = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } chosen ? chosen : Path.GetTempPath();
        RemoveLeftovers(parent);
        var directory = CreatePrivate(Path.Combine(parent, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still open at exit: the next server to start removes the rest.
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
        return directory;
    }

    private static DirectoryInfo CreatePrivate(string path) => OperatingSystem.IsWindows()
        ? System.IO.Directory.CreateDirectory(path)
        : System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    [GeneratedRegex("^anomalystudio-(?<pid>[0-9]{1,10})-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnName();
}

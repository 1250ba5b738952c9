namespace AnomalyStudio.App.Security;

/// <summary>
/// The process's own temporary directory, readable by this user only (mode 0700). ASP.NET
/// Core buffers uploads larger than 64 KB to disk under <c>ASPNETCORE_TEMP</c>, by default the shared system temp
/// directory, where other users of the machine could read them; pointing it here keeps analysts' files private.
/// The framework deletes each buffered file when its request ends, failed or not; the directory goes with the process.
/// </summary>
public static class PrivateTempDirectory
{
    public const string Variable = "ASPNETCORE_TEMP";

    private static readonly Lazy<DirectoryInfo> Root = new(Create);

    public static DirectoryInfo Directory => Root.Value;

    /// <summary>Creates the directory and points ASP.NET Core's upload buffering at it; call before the first request.</summary>
    public static void Use()
    {
        // The framework reads the variable once, on the first buffered upload, and keeps it for the process.
        Environment.SetEnvironmentVariable(Variable, Root.Value.FullName);
    }

    private static DirectoryInfo Create()
    {
        // An operator's own ASPNETCORE_TEMP (a larger disk, say) is kept as the place; the private directory goes inside it.
        var parent = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } chosen ? chosen : Path.GetTempPath();
        var path = Path.Combine(parent, $"anomalystudio-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var directory = OperatingSystem.IsWindows()
            ? System.IO.Directory.CreateDirectory(path)
            : System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still open at exit: the system's temp cleaner removes the rest.
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
        return directory;
    }
}

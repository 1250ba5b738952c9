namespace AnomalyStudio.Tests.Support;

/// <summary>A test's own directory under the system temp directory, created at once and deleted with everything in it on dispose.</summary>
public sealed class ScratchDirectory : IDisposable
{
    /// <param name="purpose">Part of the name, so a directory left by a crashed run says whose it was.</param>
    public ScratchDirectory(string purpose) => Info = Directory.CreateTempSubdirectory($"anomalystudio-{purpose}-");

    public DirectoryInfo Info { get; }

    public string FullName => Info.FullName;

    /// <summary>The path of <paramref name="name"/> inside this directory.</summary>
    public string PathOf(string name) => Path.Combine(FullName, name);

    public void Dispose()
    {
        if (Directory.Exists(FullName))
        {
            Directory.Delete(FullName, recursive: true);
        }
    }
}

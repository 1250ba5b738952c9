namespace AnomalyStudio.Core.Models;

/// <summary>
/// An exclusive lock on a model file for training it, held across processes: a lock file beside the model, opened
/// with no sharing (on Linux an <c>flock</c>, released by the kernel when the holder exits, even when killed). Servers that
/// share the model directory thus train a model once; the others wait, then load what was written.
/// </summary>
public sealed class ModelFileLock : IDisposable
{
    /// <summary>How often a waiting server tries again.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>What .NET reports for a file another holder has locked: flock's EWOULDBLOCK on Linux, ERROR_SHARING_VIOLATION on Windows.</summary>
    private static bool IsHeldByAnother(IOException ex) => ex.HResult is 11 or unchecked((int)0x80070020);

    private readonly FileStream _file;

    private ModelFileLock(FileStream file) => _file = file;

    /// <summary>The lock file of <paramref name="modelPath"/>: hidden, beside it.</summary>
    public static string PathOf(string modelPath) =>
        Path.Combine(Path.GetDirectoryName(modelPath)!, $".{Path.GetFileName(modelPath)}.lock");

    /// <summary>Waits until no other process (or store in this one) holds the lock on <paramref name="modelPath"/>, then takes it.</summary>
    public static async Task<ModelFileLock> AcquireAsync(string modelPath, CancellationToken cancellationToken)
    {
        var path = PathOf(modelPath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new ModelFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException ex) when (IsHeldByAnother(ex))
            {
                // Held by another: try again shortly. (The file itself is never deleted, which would race with a new holder.)
            }

            await Task.Delay(RetryInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _file.Dispose();
}

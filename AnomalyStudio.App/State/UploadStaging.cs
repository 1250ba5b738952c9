using AnomalyStudio.App.Security;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.State;

/// <summary>
/// The dashboard's uploaded files: each copied (with progress) to a private temporary directory under a name of our own,
/// never the user's, so another model can be run on the current one. A staged file becomes current only once its
/// detection succeeds; the file it replaces, or a failed one, is deleted.
/// </summary>
public sealed class UploadStaging(ILogger logger) : IDisposable
{
    private readonly Lock _sync = new();
    private StagedUpload? _current;

    /// <summary>The file the current results come from; null before the first success and after a release.</summary>
    public StagedUpload? Current
    {
        get
        {
            lock (_sync)
            {
                return _current;
            }
        }
    }

    /// <summary>Copies the upload; the caller makes it current (<see cref="Promote"/>) or drops it (<see cref="Delete"/>).</summary>
    public async Task<StagedUpload> StageAsync(string fileName, long size, Stream upload, Action<PipelineProgress> report, CancellationToken cancellationToken)
    {
        var directory = PrivateTempDirectory.CreateSubdirectory("upload-");
        var staged = new StagedUpload(directory, Path.Combine(directory.FullName, "upload"), fileName);
        try
        {
            await using var file = File.Create(staged.Path);
            var buffer = new byte[1 << 16];
            long copied = 0;
            int read;
            while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                copied += read;
                report(new PipelineProgress(PipelineStage.Reading, size > 0 ? (double)copied / size : null, $"Uploading {fileName}: {copied / 1e6:0.0} MB"));
            }

            return staged;
        }
        catch
        {
            Delete(staged);
            throw;
        }
    }

    /// <summary>Makes <paramref name="staged"/> the current file and deletes the one it replaces.</summary>
    public void Promote(StagedUpload staged)
    {
        StagedUpload? previous;
        lock (_sync)
        {
            previous = _current;
            _current = staged;
        }

        if (previous is not null && previous != staged)
        {
            Delete(previous);
        }
    }

    /// <summary>Deletes the current file (the results it gave are gone too).</summary>
    public void Release()
    {
        StagedUpload? current;
        lock (_sync)
        {
            current = _current;
            _current = null;
        }

        if (current is not null)
        {
            Delete(current);
        }
    }

    public void Delete(StagedUpload staged)
    {
        try
        {
            staged.Directory.Delete(recursive: true);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not delete the upload directory {Directory}", staged.Directory.FullName);
        }
    }

    public void Dispose() => Release();
}

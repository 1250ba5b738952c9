using AnomalyStudio.App.Configuration;
using AnomalyStudio.App.Security;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.App.State;

/// <summary>
/// One analyst's session, scoped to a Blazor circuit: the chosen model and mode, the current file's results,
/// the table's filters, progress and errors. Components render it and forward actions; it raises
/// <see cref="Changed"/> after every change. A new upload replaces the results; errors never lose them; an idle
/// session releases its results after the configured timeout. Detections take a slot of the server-wide
/// <see cref="DetectionGate"/> (waiting in its queue, or told the server is busy), and a result larger than
/// <see cref="AnomalyStudioOptions.MaxSessionResultBytes"/>, or than what is left of the server-wide
/// <see cref="ResultMemoryBudget"/>, is refused rather than kept.
/// </summary>
public sealed class AnalysisSession : IDisposable
{
    private readonly DetectionPipeline _pipeline;
    private readonly DetectionGate _gate;
    private readonly ResultMemoryBudget _budget;
    private ResultReservation? _memory;
    private readonly AnomalyStudioOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AnalysisSession> _logger;
    private readonly ITimer _idleTimer;
    private CancellationTokenSource? _running;
    private DateTimeOffset _lastActivity;

    public AnalysisSession(
        DetectionPipeline pipeline, DetectionGate gate, ResultMemoryBudget budget, IOptions<AnomalyStudioOptions> options, TimeProvider time, ILogger<AnalysisSession> logger)
    {
        _pipeline = pipeline;
        _gate = gate;
        _budget = budget;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _lastActivity = time.GetUtcNow();
        var check = TimeSpan.FromSeconds(Math.Clamp(_options.SessionIdleTimeoutSeconds / 4.0, 1, 60));
        _idleTimer = time.CreateTimer(_ => ReleaseIfIdle(), null, check, check);
    }

    public event Action? Changed;

    public string Model { get; private set; } = DetectorNames.IsolationForest;

    public DetectionMode Mode { get; private set; } = DetectionMode.Auto;

    public DetectionResult? Result { get; private set; }

    public ResultsView? View { get; private set; }

    public bool IsRunning => _running is not null;

    /// <summary>What the running detection is doing (upload, then the pipeline's stages).</summary>
    public PipelineProgress? Progress { get; private set; }

    /// <summary>The last error, in words for the user; the previous results stay.</summary>
    public string? Error { get; private set; }

    /// <summary>Set when results were released for idleness, so the page can say why they are gone.</summary>
    public string? Notice { get; private set; }

    public long MaxUploadBytes => _options.MaxUploadBytes;

    public IReadOnlyList<Core.Models.ModelInfo> Models => _pipeline.Store.List();

    public int? SelectedIndex { get; private set; }

    public void ChooseModel(string model)
    {
        Model = _pipeline.Catalog.Resolve(model);
        Touch();
    }

    public void ChooseMode(DetectionMode mode)
    {
        Mode = mode;
        Touch();
    }

    /// <summary>The file the results come from (kept in a private temporary directory, so another model can be run on it).</summary>
    public string? FileName { get; private set; }

    /// <summary>
    /// Copies the upload to a private temporary file (with progress) under a name of our own, then runs the
    /// pipeline on it. Bad input ends as <see cref="Error"/> with the previous results untouched; a successful
    /// run replaces them.
    /// </summary>
    public async Task UploadAndRunAsync(string fileName, long size, Func<long, Stream> openUpload)
    {
        if (IsRunning)
        {
            return;
        }

        Error = null;
        Notice = null;
        if (size > _options.MaxUploadBytes)
        {
            Error = $"{fileName} is {size / 1048576.0:0.#} MB; the largest file accepted is {_options.MaxUploadBytes / 1048576.0:0.#} MB.";
            Touch();
            return;
        }

        var directory = PrivateTempDirectory.CreateSubdirectory("upload-");
        var path = Path.Combine(directory.FullName, "upload"); // never the user's file name
        using var uploading = new CancellationTokenSource();
        _running = uploading;
        try
        {
            Report(new PipelineProgress(PipelineStage.Reading, 0, $"Uploading {fileName}"));
            await using var upload = openUpload(_options.MaxUploadBytes);
            await using var file = File.Create(path);
            var buffer = new byte[1 << 16];
            long copied = 0;
            int read;
            while ((read = await upload.ReadAsync(buffer, uploading.Token)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), uploading.Token);
                copied += read;
                Report(new PipelineProgress(PipelineStage.Reading, size > 0 ? (double)copied / size : null, $"Uploading {fileName}: {copied / 1e6:0.0} MB"));
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            _logger.LogWarning(ex, "Upload of {FileName} failed", fileName);
            Error = ex is OperationCanceledException ? "The upload was cancelled; the previous results are kept." : $"{fileName} could not be uploaded: {ex.Message}";
            DeleteDirectory(directory);
            _running = null;
            Progress = null;
            Touch();
            return;
        }

        _running = null;
        var previous = _upload;
        _upload = (directory, path, fileName);
        await RunAsync();
        if (Result?.FileName != fileName || Error is not null)
        {
            // The new file failed: keep the old file beside the old results, drop the new one.
            _upload = previous;
            DeleteDirectory(directory);
        }
        else if (previous is { } old)
        {
            DeleteDirectory(old.Directory);
        }
    }

    /// <summary>What the progress line says while every detection slot of the server is taken.</summary>
    public const string WaitingMessage = "Waiting for a free detection slot";

    /// <summary>Runs the chosen model and mode on the current file, once the server has a detection slot free.</summary>
    public async Task RunAsync()
    {
        if (IsRunning || _upload is not { } upload)
        {
            return;
        }

        using var running = new CancellationTokenSource();
        _running = running;
        Error = null;
        try
        {
            var result = await DetectAsync(upload.Path, upload.Name, running.Token);
            if (result is null)
            {
                return; // refused: the error says why
            }

            if (SessionResultLimit.Refusal(result, _options.MaxSessionResultBytes) is { } tooLarge)
            {
                Error = tooLarge + " The previous results are kept.";
                return;
            }

            if (_budget.TryReserve(result, _memory, out var full) is not { } memory)
            {
                Error = full + " The previous results are kept.";
                return;
            }

            Interlocked.Exchange(ref _memory, memory)?.Dispose();
            Result = result;
            FileName = upload.Name;
            View = new ResultsView(result);
            SelectedIndex = null;
        }
        catch (InvalidInputException ex)
        {
            Error = $"{upload.Name}: {ex.Message}";
        }
        catch (OperationCanceledException)
        {
            Error = "The detection was cancelled; the previous results are kept.";
        }
        finally
        {
            _running = null;
            Progress = null;
            Touch();
        }
    }

    private (DirectoryInfo Directory, string Path, string Name)? _upload;

    /// <summary>Runs the pipeline inside a detection slot; null (with <see cref="Error"/> set) when the server is too busy to queue it.</summary>
    private async Task<DetectionResult?> DetectAsync(string path, string name, CancellationToken cancellationToken)
    {
        using var slot = await _gate.EnterAsync(
            () => Report(new PipelineProgress(PipelineStage.Reading, null, $"{WaitingMessage} ({_gate.MaxConcurrent} detections at once on this server)")),
            cancellationToken);
        if (!slot.IsEntered)
        {
            Error = slot.Message;
            return null;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return await _pipeline.RunAsync(
            stream,
            new DetectionRequest { FileName = name, Model = Model, Mode = Mode, Entities = new(), Spikes = new() },
            new Progress<PipelineProgress>(Report),
            cancellationToken);
    }

    private void DeleteDirectory(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException ex)
        {
            _logger.LogWarning(ex, "Could not delete the upload directory {Directory}", directory.FullName);
        }
    }

    public void Cancel() => _running?.Cancel();

    public void Clear()
    {
        if (_upload is { } upload)
        {
            DeleteDirectory(upload.Directory);
            _upload = null;
        }

        FileName = null;
        Result = null;
        ReleaseMemory();
        View = null;
        Error = null;
        Notice = null;
        SelectedIndex = null;
        Touch();
    }

    public void DismissError()
    {
        Error = null;
        Touch();
    }

    public void Select(int? index)
    {
        SelectedIndex = index;
        Touch();
    }

    /// <summary>Applies a change to the table's view and tells the components.</summary>
    public void UpdateView(Action<ResultsView> change)
    {
        if (View is not null)
        {
            change(View);
            Touch();
        }
    }

    private void Report(PipelineProgress progress)
    {
        Progress = progress;
        Changed?.Invoke();
    }

    private void Touch()
    {
        _lastActivity = _time.GetUtcNow();
        Changed?.Invoke();
    }

    private void ReleaseIfIdle()
    {
        if (Result is null || IsRunning || _time.GetUtcNow() - _lastActivity < TimeSpan.FromSeconds(_options.SessionIdleTimeoutSeconds))
        {
            return;
        }

        // The reason first: this runs on a timer thread, and whoever sees the results gone must also see why.
        Notice = $"The results were released after {_options.SessionIdleTimeoutSeconds / 60.0:0.#} minutes without activity.";
        Result = null;
        ReleaseMemory();
        View = null;
        SelectedIndex = null;
        FileName = null;
        if (_upload is { } upload)
        {
            DeleteDirectory(upload.Directory);
            _upload = null;
        }

        Changed?.Invoke();
    }

    /// <summary>Gives the dropped result's share of the server's result budget back.</summary>
    private void ReleaseMemory() => Interlocked.Exchange(ref _memory, null)?.Dispose();

    public void Dispose()
    {
        _idleTimer.Dispose();
        _running?.Cancel();
        ReleaseMemory();
        if (_upload is { } upload)
        {
            DeleteDirectory(upload.Directory);
        }
    }
}

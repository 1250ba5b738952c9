using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Configuration;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Feedback;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Core;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.App.State;

/// <summary>
/// One analyst's session, scoped to a Blazor circuit: the chosen model and mode, the current file's results, the
/// table's filters, progress and errors. Components render it and forward actions; it raises <see cref="Changed"/>
/// after every change. The parts live beside it: the files in <see cref="UploadStaging"/>, the run through the app's
/// one <see cref="DetectionAdmission"/> (slot, session cap, result budget), idleness in <see cref="IdleRelease"/>, the
/// words in <see cref="SessionMessages"/>. A new upload replaces the results; errors never lose them. The idle timer
/// fires on its own thread, so every change of the results happens under one lock, and the results are one reference
/// (<see cref="SessionResult"/>) that a render reads once.
/// </summary>
public sealed class AnalysisSession : IDisposable
{
    /// <summary>What the progress line says while every detection slot of the server is taken.</summary>
    public const string WaitingMessage = "Waiting for a free detection slot";

    private readonly DetectionAdmission _admission;
    private readonly AnomalyStudioOptions _options;
    private readonly ILogger<AnalysisSession> _logger;
    private readonly UploadStaging _uploads;
    private readonly IdleRelease _idle;
    private readonly DashboardUploads? _tickets;
    private readonly Lock _sync = new();
    private SessionResult? _current;
    private CancellationTokenSource? _running;

    /// <param name="tickets">Where the session takes its <see cref="UploadTicket"/> for uploads over plain HTTP; without it
    /// (a test's session) files come only through <see cref="UploadAndRunAsync"/>.</param>
    public AnalysisSession(
        DetectionAdmission admission, IOptions<AnomalyStudioOptions> options, TimeProvider time, ILogger<AnalysisSession> logger, DashboardUploads? tickets = null)
    {
        _admission = admission;
        _options = options.Value;
        _logger = logger;
        _uploads = new UploadStaging(logger);
        _idle = new IdleRelease(time, TimeSpan.FromSeconds(_options.SessionIdleTimeoutSeconds), ReleaseIfIdle);
        _tickets = tickets;
        UploadTicket = tickets?.Register(this);
    }

    /// <summary>The ticket the page's script posts files to (<see cref="DashboardUploads"/>); null when there is none.</summary>
    public string? UploadTicket { get; }

    public event Action? Changed;

    public string Model { get; private set; } = DetectorNames.Default;

    public DetectionMode Mode { get; private set; } = DetectionMode.Auto;

    /// <summary>The column the analyst chose to group entities by; null for the one the file names (its actor).</summary>
    public string? EntityColumn { get; private set; }

    /// <summary>The text field the analyst chose to mine for patterns; null for the file's own templates or message-like field.</summary>
    public string? PatternField { get; private set; }

    /// <summary>The format the analyst chose to read the file as (access, line, json, csv); empty to detect it.</summary>
    public string InputFormat { get; private set; } = string.Empty;

    /// <summary>A line log's header in loghub's notation, for a log whose header is not recognised; empty for none.</summary>
    public string LogFormat { get; private set; } = string.Empty;

    /// <summary>How the current result's file was read ("Line log: read as a line log (HDFS header) …"), for the analyst to check.</summary>
    public string? ReadAs => Result is { } result
        ? string.Join(" ", [result.Format.DisplayName + ".", .. result.Notes.Where(n => n.StartsWith("Read as", StringComparison.Ordinal))])
        : null;

    /// <summary>The current results as one, for a render that must not see them change halfway.</summary>
    public SessionResult? Current => Volatile.Read(ref _current);

    public DetectionResult? Result => Current?.Result;

    public ResultsView? View => Current?.View;

    /// <summary>The file the results come from (kept in a private temporary directory, so another model can be run on it).</summary>
    public string? FileName => Current?.FileName;

    public bool IsRunning => Volatile.Read(ref _running) is not null;

    /// <summary>What the running detection is doing (upload, then the pipeline's stages).</summary>
    public PipelineProgress? Progress { get; private set; }

    /// <summary>The last error, in words for the user; the previous results stay.</summary>
    public string? Error { get; private set; }

    /// <summary>Set when results were released for idleness, so the page can say why they are gone.</summary>
    public string? Notice { get; private set; }

    public long MaxUploadBytes => _options.MaxUploadBytes;

    public IReadOnlyList<Core.Models.ModelInfo> Models => _admission.Pipeline.Store.List();

    public int? SelectedIndex { get; private set; }

    public void ChooseModel(string model)
    {
        Model = _admission.Pipeline.Catalog.Resolve(model);
        Touch();
    }

    public void ChooseMode(DetectionMode mode)
    {
        Mode = mode;
        Touch();
    }

    /// <summary>How the next run judges a table: as a time series when it is one (auto), row by row, or as a time series.</summary>
    public AnalysisChoice Analysis { get; private set; } = AnalysisChoice.Auto;

    public void ChooseAnalysis(AnalysisChoice analysis)
    {
        Analysis = analysis;
        Touch();
    }

    /// <summary>Reads the next run's file as <paramref name="format"/> (empty: detect); checked when the run starts.</summary>
    public void ChooseInputFormat(string? format)
    {
        InputFormat = format?.Trim() ?? string.Empty;
        Touch();
    }

    /// <summary>Reads the next run's line log with this header (empty: recognise it); checked when the run starts.</summary>
    public void ChooseLogFormat(string? format)
    {
        LogFormat = format?.Trim() ?? string.Empty;
        Touch();
    }

    /// <summary>
    /// Copies the upload to a private temporary file (with progress), then runs the pipeline on it. Bad input ends as
    /// <see cref="Error"/> with the previous results and file untouched; a successful run replaces both.
    /// </summary>
    public async Task UploadAndRunAsync(string fileName, long size, Func<long, Stream> openUpload)
    {
        if (await StageAsync(fileName, size, openUpload, CancellationToken.None) is { } staged)
        {
            await RunStagedAsync(staged);
        }
    }

    /// <summary>
    /// The plain-HTTP door of the dashboard (<see cref="DashboardUploads"/>): copies a request body of
    /// <paramref name="size"/> bytes as <see cref="UploadAndRunAsync"/> does, within the same upload limit, then starts
    /// the run in the background, through the same admission, and answers as soon as the file is here. The session's
    /// Cancel stops the copy, and so does the browser abandoning the request (<paramref name="aborted"/>). False when
    /// the file was not taken (a run is going on, too large, cut off); <see cref="Error"/> then says why.
    /// </summary>
    public async Task<bool> ReceiveUploadAsync(string fileName, long size, Stream body, CancellationToken aborted)
    {
        if (await StageAsync(fileName, size, max => new Api.Uploads.UploadLimitStream(body, max), aborted) is not { } staged)
        {
            return false;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await RunStagedAsync(staged);
            }
            catch (Exception ex)
            {
                // No circuit awaits this run: a bug must still end as a message on the page, never unobserved.
                _logger.LogError(ex, "The detection of {FileName} failed", fileName);
                _uploads.Delete(staged);
                Error = SessionMessages.RunFailed(fileName);
                Touch();
            }
        }, CancellationToken.None);
        return true;
    }

    /// <summary>Copies an upload to its private file; null (and <see cref="Error"/> set) when it was not taken.</summary>
    private async Task<StagedUpload?> StageAsync(string fileName, long size, Func<long, Stream> openUpload, CancellationToken aborted)
    {
        if (IsRunning)
        {
            return null;
        }

        Error = null;
        Notice = null;
        EntityColumn = null; // a new file names its own actor
        PatternField = null;
        if (size > _options.MaxUploadBytes)
        {
            Error = SessionMessages.TooLargeToUpload(fileName, size, _options.MaxUploadBytes);
            Touch();
            return null;
        }

        using var uploading = Start();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(uploading.Token, aborted);
        try
        {
            Report(new PipelineProgress(PipelineStage.Reading, 0, $"Uploading {fileName}"));
            await using var upload = openUpload(_options.MaxUploadBytes);
            return await _uploads.StageAsync(fileName, size, upload, Report, either.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            _logger.LogWarning(ex, "Upload of {FileName} failed", fileName);
            Error = SessionMessages.UploadFailed(fileName, ex);
            return null;
        }
        finally
        {
            Stop();
        }
    }

    /// <summary>Runs on a freshly staged file; a failure deletes it and leaves the old file beside the old results.</summary>
    private async Task RunStagedAsync(StagedUpload staged)
    {
        if (!await RunOnAsync(staged))
        {
            _uploads.Delete(staged);
        }
    }

    /// <summary>Groups the current file's entities by <paramref name="column"/> (null: the file's own choice) and runs it again.</summary>
    public Task ChooseEntityColumnAsync(string? column)
    {
        EntityColumn = string.IsNullOrWhiteSpace(column) ? null : column;
        return RunAsync();
    }

    /// <summary>Mines the current file's patterns from <paramref name="field"/> (null: the file's own choice) and runs it again.</summary>
    public Task ChoosePatternFieldAsync(string? field)
    {
        PatternField = string.IsNullOrWhiteSpace(field) ? null : field;
        return RunAsync();
    }

    /// <summary>Runs the chosen model and mode on the current file, once the server has a detection slot free.</summary>
    public async Task RunAsync()
    {
        if (!IsRunning && _uploads.Current is { } current)
        {
            await RunOnAsync(current);
        }
    }

    /// <summary>Runs a detection on <paramref name="upload"/>; true when its results are now the session's.</summary>
    private async Task<bool> RunOnAsync(StagedUpload upload)
    {
        using var running = Start();
        Error = null;
        try
        {
            var choice = _admission.Pipeline.Formats.Choose(InputFormat, LogFormat);
            var admitted = await _admission.RunForSessionAsync(
                () => new FileStream(upload.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan),
                new DetectionRequest
                {
                    FileName = upload.Name, Model = Model, Mode = Mode, Format = choice, Analysis = Analysis, Entities = new() { Column = EntityColumn }, Spikes = new(),
                    Patterns = new() { Field = PatternField }, Rules = Rules,
                },
                () => Current?.Memory,
                () => Report(new PipelineProgress(PipelineStage.Reading, null, $"{WaitingMessage} ({_admission.Gate.MaxConcurrent} detections at once on this server)")),
                new Progress<PipelineProgress>(Report),
                running.Token);
            if (admitted is not { Result: { } result, Memory: { } memory })
            {
                Error = admitted.Refusal == AdmissionRefusal.Busy ? admitted.Message : admitted.Message + SessionMessages.Kept;
                return false;
            }

            SessionResult? replaced;
            lock (_sync)
            {
                replaced = _current;
                // Rules marked or undone while the run was going apply to its results too.
                result = ReferenceEquals(result.Rules, Rules) || (result.Rules.Count == 0 && Rules.Count == 0) ? result : result.WithRules(Rules);
                Volatile.Write(ref _current, new SessionResult(result, new ResultsView(result), upload.Name, memory));
                SelectedIndex = null;
                _uploads.Promote(upload);
            }

            replaced?.Memory.Dispose();
            return true;
        }
        catch (InvalidInputException ex)
        {
            Error = SessionMessages.BadInput(upload.Name, ex);
            return false;
        }
        catch (OperationCanceledException)
        {
            Error = SessionMessages.Cancelled;
            return false;
        }
        finally
        {
            Stop();
        }
    }

    public void Cancel() => Volatile.Read(ref _running)?.Cancel();

    public void Clear()
    {
        ReleaseResults(null);
        Error = null;
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

    /// <summary>
    /// Moves the flag to <paramref name="flag"/> (null: back to the file's own threshold) and re-bands the results without
    /// scoring again: severities, counts, charts and the table follow, and the table keeps its filters. A bad value ends as
    /// <see cref="Error"/> with the results as they were.
    /// </summary>
    public void SetThreshold(FlagOverride? flag)
    {
        try
        {
            lock (_sync)
            {
                if (_current is null || IsRunning)
                {
                    return;
                }

                Reband(current => current.Result.WithThreshold(flag?.Resolve(current.Result.Records.Scores, current.View.ScoresDescending)));
            }

            Error = null;
        }
        catch (InvalidInputException ex)
        {
            Error = ex.Message;
        }

        Touch();
    }

    /// <summary>
    /// The analyst's "this is expected" rules. They apply to the current result at once and to every later run of this
    /// session, until removed; a rule never refits the model.
    /// </summary>
    public ExpectedRules Rules { get; private set; } = ExpectedRules.None;

    /// <summary>Marks what <paramref name="rule"/> matches as expected: rescored now, listed in the rules, undone by <see cref="Unmark"/>.</summary>
    public void MarkExpected(ExpectedRule rule) => SetRules(Rules.With(rule));

    public void Unmark(ExpectedRule rule) => SetRules(Rules.Without(rule));

    /// <summary>
    /// Replaces the rules with those of a rules file (the export of <see cref="ExportRules"/>); a broken or oversized
    /// file leaves them and says what is wrong (which rule, or the size).
    /// </summary>
    /// <param name="open">Opens the file, refusing to read more than the bytes it is given.</param>
    public async Task ImportRulesAsync(string name, long size, Func<long, Stream> open)
    {
        try
        {
            if (size > ExpectedRules.MaxBytes)
            {
                throw new InvalidInputException($"The rules file '{name}' has {size:N0} bytes; a rules file may have at most {ExpectedRules.MaxBytes:N0}.");
            }

            using var buffer = new MemoryStream();
            await using (var stream = open(ExpectedRules.MaxBytes))
            {
                await stream.CopyToAsync(buffer);
            }

            // The size was bounded on the way in; the bytes are parsed where they are, not copied again.
            SetRules(ExpectedRules.Parse(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), $"rules file '{name}'"));
        }
        catch (InvalidInputException ex)
        {
            Error = ex.Message;
            Touch();
        }
    }

    /// <summary>The rules as the JSON file the CLI's --rules and the API's rules field read.</summary>
    public byte[] ExportRules()
    {
        using var buffer = new MemoryStream();
        Rules.Write(buffer);
        return buffer.ToArray();
    }

    private void SetRules(ExpectedRules rules)
    {
        lock (_sync)
        {
            Rules = rules;
            Reband(current => current.Result.WithRules(rules));
        }

        Error = null;
        Touch();
    }

    /// <summary>
    /// Replaces the current result with the same detection re-banded (a moved flag, other rules), the table keeping its
    /// filters; nothing while a run is going or without a result. Called under <c>_sync</c>.
    /// </summary>
    private void Reband(Func<SessionResult, DetectionResult> reband)
    {
        if (_current is { } current && !IsRunning)
        {
            var result = reband(current);
            Volatile.Write(ref _current, current with { Result = result, View = current.View.For(result) });
        }
    }

    /// <summary>Applies a change to the table's view and tells the components.</summary>
    public void UpdateView(Action<ResultsView> change)
    {
        if (View is { } view)
        {
            change(view);
            Touch();
        }
    }

    private CancellationTokenSource Start()
    {
        var running = new CancellationTokenSource();
        Volatile.Write(ref _running, running);
        return running;
    }

    private void Stop()
    {
        Volatile.Write(ref _running, null);
        Progress = null;
        Touch();
    }

    private void Report(PipelineProgress progress)
    {
        if (!IsRunning)
        {
            return; // a report posted from a worker thread that arrives after the run ended must not bring its progress back
        }

        Progress = progress;
        Changed?.Invoke();
    }

    private void Touch()
    {
        _idle.Touch();
        Changed?.Invoke();
    }

    /// <summary>On the timer's thread: under the lock, so it cannot interleave with a run putting new results in place.</summary>
    private void ReleaseIfIdle(TimeSpan idle)
    {
        lock (_sync)
        {
            if (Current is null || IsRunning || !_idle.IsIdle)
            {
                return;
            }
        }

        // The reason first: whoever sees the results gone must also see why.
        if (ReleaseResults(SessionMessages.Released(idle)))
        {
            Changed?.Invoke();
        }
    }

    /// <summary>Drops the results, their file and their share of the budget; false when a run began meanwhile or there were none.</summary>
    private bool ReleaseResults(string? notice)
    {
        SessionResult? released;
        lock (_sync)
        {
            if (notice is not null && IsRunning)
            {
                return false;
            }

            Notice = notice;
            released = _current;
            Volatile.Write(ref _current, null);
            SelectedIndex = null;
            _uploads.Release();
        }

        released?.Memory.Dispose();
        return released is not null || notice is null;
    }

    public void Dispose()
    {
        if (UploadTicket is not null)
        {
            _tickets?.Unregister(UploadTicket);
        }

        _idle.Dispose();
        Cancel();
        Current?.Memory.Dispose();
        _uploads.Dispose();
    }
}

using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Cli;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Pipeline.Comparison;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.App.State;

/// <summary>
/// The circuit's comparison of its current result with a baseline file the analyst drops (scored once through the server's
/// admission, a detection slot freed as soon as it is scored, compared with <see cref="FileComparer"/>; only the comparison
/// is kept), or of two time ranges of the result brushed on the time strip (<see cref="WindowComparer"/>, nothing scored
/// again). A new result of the session clears it. Raises <see cref="Changed"/> after every change.
/// </summary>
public sealed class CompareSession : IDisposable
{
    private readonly AnalysisSession _session;
    private readonly DetectionAdmission _admission;
    private DetectionResult? _against;

    public CompareSession(AnalysisSession session, DetectionAdmission admission)
    {
        _session = session;
        _admission = admission;
        _session.Changed += Sync;
    }

    public event Action? Changed;

    public ComparisonResult? Comparison { get; private set; }

    public string? Error { get; private set; }

    public bool IsRunning { get; private set; }

    /// <summary>The range used as the baseline of a comparison of two ranges; null for the rest of the file.</summary>
    public TimeWindow? BaselineWindow { get; private set; }

    /// <summary>The range used as the incident; null for the rest of the file.</summary>
    public TimeWindow? IncidentWindow { get; private set; }

    /// <summary>Whether the comparison shown is of two ranges of the current file.</summary>
    public bool ComparesWindows => BaselineWindow is not null || IncidentWindow is not null;

    /// <summary>Compares <paramref name="range"/>, as the baseline, with the incident range chosen before or else the rest of the file.</summary>
    public void UseAsBaseline(TimeWindow range) => CompareWindows(range, IncidentWindow == range ? null : IncidentWindow);

    /// <summary>Compares <paramref name="range"/>, as the incident, with the baseline range chosen before or else the rest of the file.</summary>
    public void UseAsIncident(TimeWindow range) => CompareWindows(BaselineWindow == range ? null : BaselineWindow, range);

    /// <summary>Sets the baseline (or the incident) back to the rest of the file, keeping the other range.</summary>
    public void UseRestAs(bool baseline) => CompareWindows(baseline ? null : BaselineWindow, baseline ? IncidentWindow : null);

    /// <summary>
    /// Compares the two ranges (one may be null, the rest of the file); a pair that cannot be compared (both the rest,
    /// overlapping, a side without records) leaves the previous choice and says why in <see cref="Error"/>.
    /// </summary>
    private void CompareWindows(TimeWindow? baseline, TimeWindow? incident)
    {
        if (_session.Result is not { } result || IsRunning)
        {
            return;
        }

        Error = null;
        if (baseline is null && incident is null)
        {
            (BaselineWindow, IncidentWindow, Comparison, _against) = (null, null, null, null);
            Changed?.Invoke();
            return;
        }

        try
        {
            Comparison = WindowComparer.Compare(result, ComparisonWindows.Of(baseline, incident));
            (BaselineWindow, IncidentWindow, _against) = (baseline, incident, result);
        }
        catch (InvalidInputException ex)
        {
            Error = ex.Message;
        }

        Changed?.Invoke();
    }

    /// <summary>Scores <paramref name="fileName"/> as the baseline and compares the session's result with it.</summary>
    public async Task CompareWithAsync(string fileName, long size, Func<long, Stream> open)
    {
        if (_session.Result is not { } incident || IsRunning)
        {
            return;
        }

        Error = null;
        if (size > _session.MaxUploadBytes)
        {
            Error = SessionMessages.TooLargeToUpload(fileName, size, _session.MaxUploadBytes);
            Changed?.Invoke();
            return;
        }

        IsRunning = true;
        Changed?.Invoke();
        try
        {
            // The browser's stream reads only asynchronously and the parsers read synchronously: the baseline is copied to the
            // server's private temporary directory first (under a name of its own), and deleted once it is scored.
            var directory = Security.PrivateTempDirectory.CreateSubdirectory("compare-");
            var path = Path.Combine(directory.FullName, "baseline");
            AdmissionOutcome admitted;
            try
            {
                await using (var staged = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                await using (var upload = open(_session.MaxUploadBytes))
                {
                    await upload.CopyToAsync(staged);
                }

                admitted = await _admission.RunOnceAsync(() => File.OpenRead(path), CompareCommand.Request(fileName, incident.Model, null), CancellationToken.None);
            }
            finally
            {
                directory.Delete(recursive: true);
            }

            using var held = admitted;
            if (admitted.Result is not { } baseline)
            {
                Error = admitted.Message;
                return;
            }

            Comparison = FileComparer.Compare(baseline, incident);
            (_against, BaselineWindow, IncidentWindow) = (incident, null, null);
        }
        catch (InvalidInputException ex)
        {
            Error = $"{fileName}: {ex.Message}";
        }
        finally
        {
            IsRunning = false;
            Changed?.Invoke();
        }
    }

    /// <summary>A new detection (not a moved threshold, which keeps the records) makes the comparison stale.</summary>
    private void Sync()
    {
        if (Comparison is not null && (_session.Result is not { } current || !ReferenceEquals(current.Records.Scores, _against?.Records.Scores)))
        {
            (Comparison, _against, BaselineWindow, IncidentWindow) = (null, null, null, null);
            Changed?.Invoke();
        }
    }

    public void Dispose() => _session.Changed -= Sync;
}

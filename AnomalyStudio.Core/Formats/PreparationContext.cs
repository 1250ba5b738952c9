using System.Diagnostics;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Formats;

/// <summary>What a format's <see cref="IInputFormat.Prepare"/> is given besides the input: the run's settings, and where to report its stages.</summary>
public sealed class PreparationContext
{
    public required string FileName { get; init; }

    /// <summary>Given the number of records read, whether the model will be fitted on this file (then a table gets
    /// features of its own columns) or a pretrained model will score it (then the fixed-width summary).</summary>
    public required Func<int, bool> FitOnFile { get; init; }

    public required ParseLimits Limits { get; init; }

    /// <summary>
    /// Given a table as read, whether a later stage judges it as a time series and fits the model on the series' own
    /// features: the table's own-column or summary features are then not computed (its notes are still written). Null:
    /// no table is.
    /// </summary>
    public Func<CsvTable, bool>? AnalysedAsSeries { get; init; }

    /// <summary>Bytes left in the input when it was handed over, for a progress fraction; null when unknown.</summary>
    public long? Length { get; init; }

    /// <summary>Where to report progress: the stage, the fraction done when known, and a message for the user.</summary>
    public Action<PreparationStage, double?, string>? Progress { get; init; }

    public CancellationToken CancellationToken { get; init; }

    public Action<PreparationStage, TimeSpan>? StageDone { get; init; }

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Reports a stage as done, timed since the previous one (or since the input was handed over).</summary>
    public void Done(PreparationStage stage)
    {
        StageDone?.Invoke(stage, _clock.Elapsed);
        _clock.Restart();
    }

    public void Report(PreparationStage stage, double? fraction, string message) =>
        Progress?.Invoke(stage, fraction, message);
}

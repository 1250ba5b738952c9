using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.App.Cli.Quality;

/// <summary>One line of the quality table: a data set scored by one model in one mode.</summary>
public sealed record QualityRow(
    string DataSet,
    string Model,
    string Mode,
    int Records,
    double FlaggedPercent,
    int HighOrCritical,
    double? RocAuc,
    double? AveragePrecision,
    TimeSpan Elapsed,
    string? Error = null)
{
    /// <summary>Precision, recall and F1 of the flag and the best F1 of any threshold, when the set has anomalies in its labels.</summary>
    public FlagEvaluation? Flag { get; init; }

    /// <summary>How the flag's threshold was chosen (split, distance, …).</summary>
    public string? ThresholdMethod { get; init; }
}

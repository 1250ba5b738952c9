using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>The headline figures of a detection.</summary>
public sealed record DetectionSummary(
    int Total,
    int Anomalies,
    double AnomalyPercent,
    SeverityCounts SeverityCounts,
    long SkippedLines,
    double? RocAuc,
    double? AveragePrecision)
{
    /// <summary>Precision, recall and F1 of the flag, and the best F1 of any threshold, when there are labels with anomalies.</summary>
    public Scoring.FlagEvaluation? Flag { get; init; }
}

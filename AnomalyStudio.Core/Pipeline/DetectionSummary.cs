namespace AnomalyStudio.Core.Pipeline;

/// <summary>The headline figures of a detection.</summary>
public sealed record DetectionSummary(
    int Total,
    int Anomalies,
    double AnomalyPercent,
    SeverityCounts SeverityCounts,
    long SkippedLines,
    double? RocAuc,
    double? AveragePrecision);

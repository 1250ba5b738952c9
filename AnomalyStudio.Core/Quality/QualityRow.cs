namespace AnomalyStudio.Core.Quality;

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
    string? Error = null);

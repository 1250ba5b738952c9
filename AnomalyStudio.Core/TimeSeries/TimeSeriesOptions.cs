namespace AnomalyStudio.Core.TimeSeries;

/// <summary>
/// How a series' points are flagged. The defaults were chosen once on the shared NAB series as a whole (bench nab) and
/// are the same for every file: nothing is tuned per series.
/// </summary>
public sealed record TimeSeriesOptions
{
    /// <summary>The contextual distance (robust σ) from which a new surprise is flagged.</summary>
    public double FlagDistance { get; init; } = 5;

    /// <summary>The points of history a surprise is measured against (a day of five-minute points).</summary>
    public int HistoryPoints { get; init; } = 288;

    /// <summary>A point is new when its distance reaches this share of the largest distance in its history.</summary>
    public double NoveltyShare { get; init; } = 0.85;

    /// <summary>Points after a flagged one that belong to its period rather than starting a new one.</summary>
    public int PeriodPoints { get; init; } = 24;

    /// <summary>The weight of the deviation from the slower level in a point's distance.</summary>
    public double SlowWeight { get; init; } = 0.7;

    public TimeSeriesOptions Validate()
    {
        if (!(FlagDistance > 0 && double.IsFinite(FlagDistance)) || HistoryPoints < 1 || !(NoveltyShare > 0 && NoveltyShare <= 2) || PeriodPoints < 0 || !(SlowWeight >= 0 && SlowWeight <= 10))
        {
            throw new ArgumentException(
                $"Time-series options out of range: FlagDistance {FlagDistance} (> 0), HistoryPoints {HistoryPoints} (≥ 1), NoveltyShare {NoveltyShare} (0–2], PeriodPoints {PeriodPoints} (≥ 0), SlowWeight {SlowWeight} (0–10).");
        }

        return this;
    }
}

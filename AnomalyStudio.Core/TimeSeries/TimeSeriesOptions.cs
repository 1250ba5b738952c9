namespace AnomalyStudio.Core.TimeSeries;

/// <summary>
/// How a series' points are flagged. Lengths are times, not point counts, so a five-minute and an hourly series are
/// judged alike. The defaults were chosen on the shared NAB series and checked by cross-validation (choose on one folder,
/// score on the other two: <c>bench nab --cross-validate</c>); they are the same for every file: nothing is tuned per series.
/// </summary>
public sealed record TimeSeriesOptions
{
    /// <summary>The contextual distance (robust σ) from which a new surprise is flagged.</summary>
    public double FlagDistance { get; init; } = 5;

    /// <summary>The recent past a surprise is measured against: a point no larger than what happened in it is not new.</summary>
    public TimeSpan RecentHistory { get; init; } = TimeSpan.FromHours(8);

    /// <summary>
    /// The days back a surprise is also measured against at the same time of day (within <see cref="PhaseTolerance"/>):
    /// a spike that recurs every day, or every weekday, is the series' habit, not news. 0 turns this off.
    /// </summary>
    public int SeasonalHistoryDays { get; init; } = 14;

    /// <summary>How far from the same time of day a past day's point still counts as the same moment.</summary>
    public TimeSpan PhaseTolerance { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A point is new when its distance reaches this share of the largest distance in its history.</summary>
    public double NoveltyShare { get; init; } = 0.85;

    /// <summary>After a flag, the time in which further surprises belong to its period rather than starting a new one.</summary>
    public TimeSpan PeriodLength { get; init; } = TimeSpan.FromHours(2);

    /// <summary>The weight of the deviation from the slower level in a point's distance.</summary>
    public double SlowWeight { get; init; } = 0.7;

    public TimeSeriesOptions Validate()
    {
        if (!(FlagDistance > 0 && double.IsFinite(FlagDistance)) || RecentHistory <= TimeSpan.Zero || SeasonalHistoryDays is < 0 or > 366
            || PhaseTolerance < TimeSpan.Zero || PhaseTolerance >= TimeSpan.FromHours(12) || !(NoveltyShare > 0 && NoveltyShare <= 2)
            || PeriodLength < TimeSpan.Zero || !(SlowWeight >= 0 && SlowWeight <= 10))
        {
            throw new ArgumentException(
                $"Time-series options out of range: FlagDistance {FlagDistance} (> 0), RecentHistory {RecentHistory} (> 0), SeasonalHistoryDays {SeasonalHistoryDays} (0–366), PhaseTolerance {PhaseTolerance} (0 to under 12 h), NoveltyShare {NoveltyShare} (0–2], PeriodLength {PeriodLength} (≥ 0), SlowWeight {SlowWeight} (0–10).");
        }

        return this;
    }
}

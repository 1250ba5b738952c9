namespace AnomalyStudio.Core.Spikes;

/// <summary>When a minute's rate is a burst, and when a field value is over-represented in a window.</summary>
public sealed record SpikeOptions
{
    /// <summary>A minute is a burst when its count is this many robust σ above its neighbours' median.</summary>
    public double BurstZ { get; init; } = 5;

    /// <summary>…and at least this many records above that median …</summary>
    public int MinExcess { get; init; } = 20;

    /// <summary>…and at least this multiple of it.</summary>
    public double MinRatio { get; init; } = 2;

    /// <summary>Active minutes on each side whose counts are the baseline of a minute.</summary>
    public int NeighbourMinutes { get; init; } = 30;

    /// <summary>More minutes than this between the first and last record widen the buckets (a year of log is not 500,000 buckets).</summary>
    public int MaxBuckets { get; init; } = 100_000;

    /// <summary>At most this many spikes are listed, largest excess first.</summary>
    public int MaxSpikes { get; init; } = 10;

    /// <summary>Family-wise significance level of the over-representation tests (Bonferroni-corrected over every value tested).</summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>A value must be at least this many times as common in the window as in the baseline …</summary>
    public double MinLift { get; init; } = 2;

    /// <summary>… and make up at least this share of the window's records.</summary>
    public double MinShare { get; init; } = 0.05;

    /// <summary>At most this many over-represented values are named per window.</summary>
    public int MaxValues { get; init; } = 8;

    public SpikeOptions Validate()
    {
        if (!(BurstZ > 0) || MinExcess < 1 || !(MinRatio >= 1) || NeighbourMinutes < 2 || MaxBuckets < 10 || MaxSpikes < 1)
        {
            throw new ArgumentException($"Spike options out of range: BurstZ {BurstZ}, MinExcess {MinExcess}, MinRatio {MinRatio}, NeighbourMinutes {NeighbourMinutes}, MaxBuckets {MaxBuckets}, MaxSpikes {MaxSpikes}.");
        }

        if (!(Alpha > 0 && Alpha < 1) || !(MinLift >= 1) || !(MinShare >= 0 && MinShare < 1) || MaxValues < 1)
        {
            throw new ArgumentException($"Over-representation options out of range: Alpha {Alpha}, MinLift {MinLift}, MinShare {MinShare}, MaxValues {MaxValues}.");
        }

        return this;
    }
}

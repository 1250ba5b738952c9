namespace AnomalyStudio.Core.Features;

/// <summary>Response-size statistics over one file, used for the z-score, the large-response flag and explanations.</summary>
public sealed record ByteStatistics(double Mean, double StandardDeviation, double Median)
{
    /// <summary>Sizes above mean + 3σ count as large, as in the reference design.</summary>
    public double LargeResponseLimit => Mean + (3 * StandardDeviation);
}

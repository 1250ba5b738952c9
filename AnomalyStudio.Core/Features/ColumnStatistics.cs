using MathNet.Numerics.Statistics;

namespace AnomalyStudio.Core.Features;

/// <summary>
/// Robust centre and scale of a numeric column: the median and the median absolute deviation scaled by
/// 1.4826 (equal to σ for normal data), so an outlier cannot hide itself by inflating the scale. Falls back
/// to the standard deviation when half the values are equal, and to 1 for a constant column.
/// </summary>
public sealed record ColumnStatistics(double Center, double Scale, int Present)
{
    /// <summary>z-scores beyond this are clipped so one absurd value cannot dominate a row's summary.</summary>
    public const double ZClip = 50;

    public static ColumnStatistics Of(double[] values)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        if (present.Length == 0)
        {
            return new ColumnStatistics(0, 1, 0);
        }

        var median = ArrayStatistics.MedianInplace(present);
        var deviations = new double[present.Length];
        for (var i = 0; i < present.Length; i++)
        {
            deviations[i] = Math.Abs(present[i] - median);
        }

        var scale = 1.4826 * ArrayStatistics.MedianInplace(deviations);
        if (!(scale > 0))
        {
            scale = present.Length > 1 ? ArrayStatistics.StandardDeviation(present) : 0;
        }

        // Values near ±1e308 overflow the deviations or the standard deviation to infinity, which would turn every
        // z-score into 0 or NaN; a unit scale then lets the clip below mark the extremes instead.
        return new ColumnStatistics(median, scale > 0 && double.IsFinite(scale) ? scale : 1, present.Length);
    }

    /// <summary>The clipped z-score of a value, or NaN when it is missing.</summary>
    public double Z(double value) =>
        double.IsNaN(value) ? double.NaN : Math.Clamp((value - Center) / Scale, -ZClip, ZClip);
}

using MathNet.Numerics.Statistics;

namespace AnomalyStudio.Core.TimeSeries;

/// <summary>Medians and robust spreads (1.4826 × the median absolute deviation, σ for normal data), on MathNet.Numerics' in-place median.</summary>
public static class RobustStatistics
{
    /// <summary>The median; 0 for an empty list. Does not change the list.</summary>
    public static double Median(IReadOnlyList<double> values) =>
        values.Count == 0 ? 0 : ArrayStatistics.MedianInplace(values.ToArray());

    /// <summary>1.4826 × the median absolute deviation from the median; 0 for an empty list.</summary>
    public static double Spread(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var median = Median(values);
        var deviations = new double[values.Count];
        for (var i = 0; i < deviations.Length; i++)
        {
            deviations[i] = Math.Abs(values[i] - median);
        }

        return 1.4826 * ArrayStatistics.MedianInplace(deviations);
    }
}

using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Detection.Autoencoder;

/// <summary>
/// Scales each feature to [0, 1] over the training data (as scikit-learn's MinMaxScaler): new data outside the
/// training range lands outside [0, 1], which is part of what makes it reconstruct badly. A constant feature maps to 0.
/// </summary>
public sealed record MinMaxScaler(double[] Minimum, double[] Maximum)
{
    public static MinMaxScaler Fit(FeatureMatrix features, IReadOnlyList<int> rows)
    {
        var min = Enumerable.Repeat(double.PositiveInfinity, features.Columns).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, features.Columns).ToArray();
        foreach (var r in rows)
        {
            var row = features.Row(r);
            for (var c = 0; c < row.Length; c++)
            {
                min[c] = Math.Min(min[c], row[c]);
                max[c] = Math.Max(max[c], row[c]);
            }
        }

        return new MinMaxScaler(min, max);
    }

    /// <summary>Scales rows [start, start + count) into <paramref name="destination"/> as 32-bit floats, row after row.</summary>
    public void Transform(FeatureMatrix features, int start, int count, Span<float> destination)
    {
        var columns = features.Columns;
        for (var r = 0; r < count; r++)
        {
            var row = features.Row(start + r);
            var target = destination.Slice(r * columns, columns);
            for (var c = 0; c < columns; c++)
            {
                target[c] = Scale(row[c], Minimum[c], Maximum[c]);
            }
        }
    }

    /// <summary>
    /// Values far outside the training range are clamped to ±<see cref="Bound"/>: still reconstructed badly (a high
    /// score), but a hostile 1e308 no longer overflows the 32-bit network into infinities and NaN scores.
    /// </summary>
    public const double Bound = 1e6;

    private static float Scale(double value, double min, double max)
    {
        var range = max - min;
        if (!(range > 0))
        {
            return 0f;
        }

        // A range wider than a double holds (-1e308 to 1e308) is scaled in halves.
        var scaled = double.IsFinite(range) ? (value - min) / range : ((value / 2) - (min / 2)) / ((max / 2) - (min / 2));
        return double.IsNaN(scaled) ? 0f : (float)Math.Clamp(scaled, -Bound, Bound);
    }
}

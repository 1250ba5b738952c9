using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Detection.Autoencoder;

/// <summary>
/// Scales each feature robustly, then squashes its tails. z = (x − median) / spread, where spread is the
/// interquartile range / 1.349 (the standard deviation for normal data, as scikit-learn's RobustScaler with
/// unit variance), falling back to the standard deviation for a column that is mostly one value (IQR 0), and
/// to 1 for a constant one. Beyond ±<see cref="Knee"/> the value grows only logarithmically, which keeps the
/// order but stops a few extreme rows from dominating the loss the network learns from: min–max scaling
/// squeezed everything else into a sliver near 0, where every row reconstructed alike. On the ODDS tables the
/// mean squared scaled value alone ranks anomalies with a mean ROC-AUC of 0.868 at knee 3 (0.861 without the
/// squashing, 0.867 at 1.5); 3 keeps ±3σ linear, where nearly all normal values lie.
/// </summary>
public sealed record RobustScaler(double[] Center, double[] Spread)
{
    /// <summary>Standard normal IQR (2 × 0.6745): IQR / 1.349 estimates σ.</summary>
    private const double NormalIqr = 1.3489795003921634;

    /// <summary>|z| up to this is left linear; beyond it z grows as Knee + ln(1 + |z| − Knee).</summary>
    public const double Knee = 3;

    /// <summary>
    /// The squashed value's cap. ln(1 + 1e308) is about 709, so only infinities reach it; a hostile 1e308 or
    /// infinity then still scores high without overflowing the 32-bit network into infinities and NaN scores.
    /// </summary>
    public const double Bound = 1_000;

    public static RobustScaler Fit(FeatureMatrix features, IReadOnlyList<int> rows)
    {
        var columns = features.Columns;
        var center = new double[columns];
        var spread = new double[columns];
        var values = new double[rows.Count];
        for (var c = 0; c < columns; c++)
        {
            var count = 0;
            foreach (var r in rows)
            {
                var value = features[r, c];
                if (double.IsFinite(value))
                {
                    values[count++] = value;
                }
            }

            (center[c], spread[c]) = Estimate(values.AsSpan(0, count));
        }

        return new RobustScaler(center, spread);
    }

    private static (double Center, double Spread) Estimate(Span<double> values)
    {
        if (values.Length == 0)
        {
            return (0, 1);
        }

        values.Sort();
        var median = Quantile(values, 0.5);
        var iqr = Quantile(values, 0.75) - Quantile(values, 0.25);
        if (iqr > 0 && double.IsFinite(iqr))
        {
            return (median, iqr / NormalIqr);
        }

        // Mostly one value: the rare others are what an autoencoder should notice, so the spread comes from them.
        double mean = 0, squares = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var delta = values[i] - mean;
            mean += delta / (i + 1);
            squares += delta * (values[i] - mean);
        }

        var std = Math.Sqrt(squares / values.Length);
        return (median, std > 0 && double.IsFinite(std) ? std : 1);
    }

    /// <summary>Linear interpolation between order statistics (numpy's default).</summary>
    private static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
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
                target[c] = Scale(row[c], Center[c], Spread[c]);
            }
        }
    }

    private static float Scale(double value, double center, double spread)
    {
        var z = (value - center) / spread;
        if (double.IsNaN(z))
        {
            return 0f;
        }

        var magnitude = Math.Abs(z);
        if (magnitude > Knee)
        {
            magnitude = Math.Min(Knee + Math.Log(1 + (magnitude - Knee)), Bound);
        }

        return (float)(Math.Sign(z) * magnitude);
    }
}

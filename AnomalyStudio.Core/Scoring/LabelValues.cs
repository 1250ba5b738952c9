namespace AnomalyStudio.Core.Scoring;

/// <summary>Reads ground-truth labels: zero, false, no, normal, benign, "-" and empty are normal; anything else is an anomaly.</summary>
public static class LabelValues
{
    private static readonly HashSet<string> Normal =
        new(["0", "0.0", "false", "no", "n", "normal", "benign", "-", "", "ok", "negative", "inlier"], StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the label marks an anomaly (BGL's alert categories such as KERNDTLB count as anomalies).</summary>
    public static bool IsAnomaly(string? label)
    {
        if (label is null)
        {
            return false;
        }

        // Numbers count by value, so "0.00" and numpy's "0.000000000000000000e+00" are normal too.
        if (double.TryParse(label, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number != 0 && !double.IsNaN(number);
        }

        return !Normal.Contains(label.Trim());
    }
}

namespace AnomalyStudio.Core.Scoring;

/// <summary>Reads ground-truth labels: 0, false, no, normal, benign, "-" and empty are normal; anything else is an anomaly.</summary>
public static class LabelValues
{
    private static readonly HashSet<string> Normal =
        new(["0", "0.0", "false", "no", "n", "normal", "benign", "-", "", "ok", "negative", "inlier"], StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the label marks an anomaly (BGL's alert categories such as KERNDTLB count as anomalies).</summary>
    public static bool IsAnomaly(string? label) => label is not null && !Normal.Contains(label.Trim());
}

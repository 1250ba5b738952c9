namespace AnomalyStudio.Core.Scoring;

/// <summary>
/// Reads one ground-truth value on its own: the spellings <see cref="Parsing.LabelColumnReader"/> knows, numbers by value,
/// and anything else as an anomaly category (BGL's KERNDTLB). A whole column is read with <see cref="Parsing.LabelColumnReader.Read"/>,
/// which also tells a normal/anomaly pair it does not know from a column it cannot map.
/// </summary>
public static class LabelValues
{
    /// <summary>True when the label marks an anomaly (BGL's alert categories such as KERNDTLB count as anomalies).</summary>
    public static bool IsAnomaly(string? label) => label is not null && Parsing.LabelColumnReader.Known(label) != false;
}

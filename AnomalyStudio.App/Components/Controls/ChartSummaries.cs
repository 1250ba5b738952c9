using System.Globalization;
using AnomalyStudio.App.State;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Components.Controls;

/// <summary>Each chart's one-sentence summary, read by screen readers after the chart's name.</summary>
public static class ChartSummaries
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"22 critical, 85 high, 130 medium, 192 low, 4,571 normal."</summary>
    public static string Severities(DetectionResult result) =>
        string.Join(", ", ChartData.Severities(result).Select(s => $"{s.Count.ToString("N0", Culture)} {SeverityStyle.Name(s.Severity)}")) + ".";

    /// <summary>Where most scores lie, and how many records the flag takes.</summary>
    public static string Histogram(DetectionResult result, double[] centers, int[] counts)
    {
        var peak = Array.IndexOf(counts, counts.Max());
        var half = centers.Length > 1 ? (centers[1] - centers[0]) / 2 : 0.5;
        return string.Create(Culture,
            $"The most common scores are {centers[peak] - half:0.00} to {centers[peak] + half:0.00} ({counts[peak]:N0} records); records scoring {result.Threshold.Score:0.00} or more are flagged ({result.Summary.Anomalies:N0} of {result.Summary.Total:N0}).");
    }

    /// <summary>How many anomalies fall between the first and last time, and the busiest interval.</summary>
    public static string Timeline(DateTimeOffset[] starts, int[] anomalies)
    {
        var peak = Array.IndexOf(anomalies, anomalies.Max());
        return string.Create(Culture,
            $"{anomalies.Sum():N0} anomalies from {starts[0].UtcDateTime:yyyy-MM-dd HH:mm} to {starts[^1].UtcDateTime:yyyy-MM-dd HH:mm} UTC; the most, {anomalies[peak]:N0}, in the interval from {starts[peak].UtcDateTime:yyyy-MM-dd HH:mm}.");
    }

    /// <summary>Where the flag stands on the precision–recall curve.</summary>
    public static string PrecisionRecall(DetectionResult result) => result.Summary.Flag is { } flag
        ? string.Create(Culture, $"At the flag, precision is {flag.Precision:0.00} and recall {flag.Recall:0.00}, F1 {flag.F1:0.00} (the best F1 of any threshold is {flag.BestF1:0.00}).")
        : "The file has no labels to measure precision and recall against.";
}

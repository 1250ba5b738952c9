using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.App.State;

/// <summary>The numbers behind the charts, computed from a result without any UI types (tests read them directly).</summary>
public static class ChartData
{
    // A moved threshold keeps the scores, so the curve is computed once per detection's scores.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<double[], IReadOnlyList<(double Threshold, double Precision, double Recall)>> Curves = [];

    /// <summary>The precision–recall curve of the scores against the labels (up to 200 points); empty without labels.</summary>
    public static IReadOnlyList<(double Threshold, double Precision, double Recall)> PrecisionRecall(DetectionResult result) =>
        result.Labels is not { } labels ? [] : Curves.GetValue(result.Records.Scores, scores => Evaluation.PrecisionRecallCurve(scores, labels, 200));

    /// <summary>Record counts per severity, most severe first (Core's <see cref="ChartSeries"/>, shared with the HTML report).</summary>
    public static IReadOnlyList<(Severity Severity, int Count)> Severities(DetectionResult result, TimeWindow? range = null) => ChartSeries.Severities(result, range);

    /// <summary>Scores in <paramref name="bins"/> equal bins over [0, 1]: bin centres and counts.</summary>
    public static (double[] Centers, int[] Counts) Histogram(DetectionResult result, int bins = 25, TimeWindow? range = null) => ChartSeries.Histogram(result, bins, range);

    /// <summary>
    /// Anomalies over time in up to <paramref name="buckets"/> equal intervals between the first and last timestamp;
    /// null when the records have no timestamps.
    /// </summary>
    public static (DateTimeOffset[] Starts, int[] Anomalies, int[] Records)? Timeline(DetectionResult result, int buckets = 60, TimeWindow? range = null) =>
        ChartSeries.Timeline(result, buckets, range);
}

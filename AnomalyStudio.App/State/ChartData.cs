using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.App.State;

/// <summary>The numbers behind the charts, computed from a result without any UI types (tests read them directly).</summary>
public static class ChartData
{
    // A moved threshold keeps the scores, so the curve is computed once per detection's scores.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<double[], IReadOnlyList<(double Threshold, double Precision, double Recall)>> Curves = [];

    /// <summary>The precision–recall curve of the scores against the labels (up to 200 points); empty without labels.</summary>
    public static IReadOnlyList<(double Threshold, double Precision, double Recall)> PrecisionRecall(DetectionResult result) =>
        result.Labels is not { } labels ? [] : Curves.GetValue(result.Records.Scores, scores => Evaluation.PrecisionRecallCurve(scores, labels, 200));

    /// <summary>Record counts per severity, most severe first.</summary>
    public static IReadOnlyList<(Severity Severity, int Count)> Severities(DetectionResult result) =>
        [.. new[] { Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Normal }.Select(s => (s, result.Summary.SeverityCounts[s]))];

    /// <summary>Scores in <paramref name="bins"/> equal bins over [0, 1]: bin centres and counts.</summary>
    public static (double[] Centers, int[] Counts) Histogram(DetectionResult result, int bins = 25)
    {
        var counts = new int[bins];
        foreach (var score in result.Records.Scores)
        {
            counts[Math.Clamp((int)(score * bins), 0, bins - 1)]++;
        }

        return (Enumerable.Range(0, bins).Select(b => (b + 0.5) / bins).ToArray(), counts);
    }

    /// <summary>
    /// Anomalies over time in up to <paramref name="buckets"/> equal intervals between the first and last timestamp;
    /// null when the records have no timestamps.
    /// </summary>
    public static (DateTimeOffset[] Starts, int[] Anomalies, int[] Records)? Timeline(DetectionResult result, int buckets = 60)
    {
        var records = result.Records;
        long min = long.MaxValue, max = long.MinValue;
        var any = false;
        for (var i = 0; i < records.Count; i++)
        {
            if (records.Timestamp(i) is { } t)
            {
                min = Math.Min(min, t.UtcTicks);
                max = Math.Max(max, t.UtcTicks);
                any = true;
            }
        }

        if (!any)
        {
            return null;
        }

        var width = Math.Max(1, (max - min) / buckets + 1);
        var anomalies = new int[buckets];
        var totals = new int[buckets];
        for (var i = 0; i < records.Count; i++)
        {
            if (records.Timestamp(i) is { } t)
            {
                var b = (int)Math.Min(buckets - 1, (t.UtcTicks - min) / width);
                totals[b]++;
                anomalies[b] += records.Severities[i] == Severity.Normal ? 0 : 1;
            }
        }

        var starts = Enumerable.Range(0, buckets).Select(b => new DateTimeOffset(min + (b * width), TimeSpan.Zero)).ToArray();
        return (starts, anomalies, totals);
    }
}

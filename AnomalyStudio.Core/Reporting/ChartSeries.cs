using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// The numbers behind the charts (severities, score histogram, timeline) of every record or of those in a time range,
/// shared by the dashboard's charts and the HTML report so both show the same figures.
/// </summary>
public static class ChartSeries
{
    public static readonly Severity[] MostSevereFirst = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Normal];

    /// <summary>Whether record <paramref name="index"/> counts: every record without a range, else those timed inside it.</summary>
    public static bool InRange(ScoredRecords records, int index, TimeWindow? range) =>
        range is not { } r || (records.Timestamp(index) is { } t && r.Contains(t.UtcTicks));

    /// <summary>Record counts per severity, most severe first, in <paramref name="range"/> (null: all).</summary>
    public static IReadOnlyList<(Severity Severity, int Count)> Severities(DetectionResult result, TimeWindow? range = null)
    {
        if (range is null)
        {
            return [.. MostSevereFirst.Select(s => (s, result.Summary.SeverityCounts[s]))];
        }

        var counts = new int[5];
        var records = result.Records;
        for (var i = 0; i < records.Count; i++)
        {
            if (InRange(records, i, range))
            {
                counts[(int)records.Severities[i]]++;
            }
        }

        return [.. MostSevereFirst.Select(s => (s, counts[(int)s]))];
    }

    /// <summary>Scores in <paramref name="bins"/> equal bins over [0, 1]: bin centres and counts.</summary>
    public static (double[] Centers, int[] Counts) Histogram(DetectionResult result, int bins = 25, TimeWindow? range = null)
    {
        var counts = new int[bins];
        var records = result.Records;
        for (var i = 0; i < records.Count; i++)
        {
            if (InRange(records, i, range))
            {
                counts[Math.Clamp((int)(records.Scores[i] * bins), 0, bins - 1)]++;
            }
        }

        return (Enumerable.Range(0, bins).Select(b => (b + 0.5) / bins).ToArray(), counts);
    }

    /// <summary>
    /// Records and anomalies in <paramref name="buckets"/> equal intervals from the first to the last timestamp (of the
    /// range, when one is given); null when no record has a time there.
    /// </summary>
    public static (DateTimeOffset[] Starts, int[] Anomalies, int[] Records)? Timeline(DetectionResult result, int buckets = 60, TimeWindow? range = null)
    {
        var records = result.Records;
        long min = long.MaxValue, max = long.MinValue;
        for (var i = 0; i < records.Count; i++)
        {
            if (records.Timestamp(i) is { } t && InRange(records, i, range))
            {
                min = Math.Min(min, t.UtcTicks);
                max = Math.Max(max, t.UtcTicks);
            }
        }

        if (min > max)
        {
            return null;
        }

        var width = Math.Max(1, ((max - min) / buckets) + 1);
        var anomalies = new int[buckets];
        var totals = new int[buckets];
        for (var i = 0; i < records.Count; i++)
        {
            if (records.Timestamp(i) is { } t && t.UtcTicks >= min && t.UtcTicks <= max)
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

using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.App.State;

/// <summary>The records of the top entities per time bucket: one row per entity, one cell per bucket, for the heat strip.</summary>
public sealed record HeatStrip(IReadOnlyList<int> Entities, DateTimeOffset[] Starts, TimeSpan Bucket, int[][] Counts, int Max)
{
    /// <summary>
    /// The first <paramref name="rows"/> entities of <paramref name="entities"/> (already ranked and filtered) over
    /// <paramref name="buckets"/> equal buckets of <paramref name="range"/>, or of the whole file; null without timestamps.
    /// </summary>
    public static HeatStrip? Of(EntityAnalysis analysis, IReadOnlyList<int> entities, long[]? ticks, TimeWindow? range, int rows = 10, int buckets = 40)
    {
        if (ticks is null)
        {
            return null;
        }

        long min = long.MaxValue, max = long.MinValue;
        foreach (var t in ticks)
        {
            if (t != long.MinValue && (range is not { } r || r.Contains(t)))
            {
                min = Math.Min(min, t);
                max = Math.Max(max, t);
            }
        }

        if (min > max)
        {
            return null;
        }

        var width = Math.Max(TimeSpan.TicksPerSecond, ((max - min) / buckets) + 1);
        var top = entities.Take(rows).ToList();
        var counts = new int[top.Count][];
        var peak = 0;
        for (var row = 0; row < top.Count; row++)
        {
            counts[row] = new int[buckets];
            foreach (var i in analysis.Index.Records(top[row]))
            {
                var t = ticks[i];
                if (t >= min && t <= max)
                {
                    var b = (int)Math.Min(buckets - 1, (t - min) / width);
                    peak = Math.Max(peak, ++counts[row][b]);
                }
            }
        }

        var starts = Enumerable.Range(0, buckets).Select(b => new DateTimeOffset(min + (b * width), TimeSpan.Zero)).ToArray();
        return new HeatStrip(top, starts, TimeSpan.FromTicks(width), counts, peak);
    }
}

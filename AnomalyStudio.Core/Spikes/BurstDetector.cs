namespace AnomalyStudio.Core.Spikes;

/// <summary>
/// Finds bursts in a rate series. Each active bucket (one where the file has any record) is compared with the median
/// of the <see cref="SpikeOptions.NeighbourMinutes"/> active buckets on either side; its distance is z = (count −
/// median) / σ, with σ the neighbours' robust spread (1.4826 × MAD) but at least √median, the spread a Poisson count
/// has. Judging against active buckets only keeps a sampled log (the Elastic example has traffic in one minute of each
/// hour) or a quiet night from making every busy minute a burst; neighbours, not the whole file, keep a daily rhythm
/// from doing so. A bucket is a burst when z, the excess and the ratio all pass their thresholds; adjacent burst
/// buckets form one burst.
/// </summary>
public static class BurstDetector
{
    /// <param name="active">The buckets that count (the overall series' non-empty ones), in order.</param>
    public static List<Burst> Find(int[] counts, int[] active, SpikeOptions options)
    {
        var bursts = new List<Burst>();
        var n = active.Length;
        var neighbours = new List<double>(2 * options.NeighbourMinutes);
        Burst? open = null;
        for (var k = 0; k < n; k++)
        {
            var count = counts[active[k]];
            neighbours.Clear();
            for (var j = Math.Max(0, k - options.NeighbourMinutes); j <= Math.Min(n - 1, k + options.NeighbourMinutes); j++)
            {
                if (j != k)
                {
                    neighbours.Add(counts[active[j]]);
                }
            }

            var flagged = false;
            var median = 0.0;
            var z = 0.0;
            if (neighbours.Count >= 2)
            {
                median = Median(neighbours);
                for (var j = 0; j < neighbours.Count; j++)
                {
                    neighbours[j] = Math.Abs(neighbours[j] - median);
                }

                var sigma = Math.Max(1.4826 * Median(neighbours), Math.Sqrt(Math.Max(median, 1)));
                z = (count - median) / sigma;
                flagged = z >= options.BurstZ && count - median >= options.MinExcess && count >= options.MinRatio * Math.Max(median, 1);
            }

            if (flagged && open is { } run && active[k] == run.Last + 1)
            {
                open = run with { Last = active[k], Count = run.Count + count, Expected = run.Expected + median, PeakZ = Math.Max(run.PeakZ, z) };
            }
            else
            {
                if (open is { } done)
                {
                    bursts.Add(done);
                }

                open = flagged ? new Burst(active[k], active[k], count, median, z) : null;
            }
        }

        if (open is { } last)
        {
            bursts.Add(last);
        }

        return bursts;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}

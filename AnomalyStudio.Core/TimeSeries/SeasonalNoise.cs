using System.Runtime.CompilerServices;

namespace AnomalyStudio.Core.TimeSeries;

/// <summary>
/// The usual point-to-point noise of a series at each time of day. A busy hour is often noisier than a quiet one (a
/// load, a queue, traffic): judged against one noise for the whole day, every busy hour's ordinary swings look like
/// surprises. Per phase slot of the <see cref="SeasonalProfile"/>, the robust spread of the deseasonalised steps that end
/// there, smoothed by the median over the slots within <see cref="Radius"/> (a slot has one step a day), over √2.
/// </summary>
public static class SeasonalNoise
{
    /// <summary>How far either side of a slot its neighbours lend their spreads.</summary>
    public static readonly TimeSpan Radius = TimeSpan.FromMinutes(30);

    /// <summary>
    /// A slot's spread is read from at most this many of its steps (one a day), taken evenly over the series: its
    /// neighbours' medians steady it, and a million-row series at one-minute steps spends about 20 ms here instead of 50.
    /// </summary>
    public const int MostSteps = 100;

    /// <summary>
    /// Per phase slot of <paramref name="season"/>, the usual noise there, or null without a daily season.
    /// <paramref name="values"/> are deseasonalised (NaN = missing), <paramref name="slots"/> their phase slots,
    /// <paramref name="step"/> the series' usual step.
    /// </summary>
    // Run once per file over every row: compiled fully optimised at once. Tiered compilation would start it unoptimised
    // and move to optimised code only inside the loop, which cost a cold process (the CLI, a server's first uploads)
    // more than the work itself on a million rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[]? Of(double[] values, int[] slots, SeasonalProfile season, TimeSpan step)
    {
        if (!season.IsDaily)
        {
            return null;
        }

        // The steps grouped by slot in one array (a counting sort): slot b's steps are steps[start[b] .. start[b + 1]).
        var start = new int[season.SlotCount + 1];
        for (var k = 1; k < values.Length; k++)
        {
            start[slots[k] + 1] += Measured(values, k) ? 1 : 0;
        }

        for (var b = 1; b < start.Length; b++)
        {
            start[b] += start[b - 1];
        }

        var steps = new double[start[^1]];
        var next = start[..^1];
        for (var k = 1; k < values.Length; k++)
        {
            if (Measured(values, k))
            {
                steps[next[slots[k]]++] = values[k] - values[k - 1];
            }
        }

        var spreads = new double[season.SlotCount];
        for (var b = 0; b < spreads.Length; b++)
        {
            spreads[b] = Spread(steps, start[b], start[b + 1] - start[b]);
        }

        return Smoothed(spreads, season.SlotsPerDay, step);
    }

    /// <summary>The robust spread of <paramref name="count"/> steps from <paramref name="from"/>, of at most <see cref="MostSteps"/> of them taken evenly; NaN under two.</summary>
    private static double Spread(double[] steps, int from, int count)
    {
        if (count < 2)
        {
            return double.NaN;
        }

        if (count <= MostSteps)
        {
            return RobustStatistics.Spread(new ArraySegment<double>(steps, from, count));
        }

        var sample = new double[MostSteps];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = steps[from + (int)((long)i * count / MostSteps)];
        }

        return RobustStatistics.Spread(sample);
    }

    private static bool Measured(double[] values, int k) => double.IsFinite(values[k]) && double.IsFinite(values[k - 1]);

    /// <summary>Per slot, the median of the spreads of the slots within <see cref="Radius"/> of it on the same kind of day, over √2; 0 where none has one.</summary>
    private static double[] Smoothed(double[] spreads, int perDay, TimeSpan step)
    {
        var radius = Math.Clamp((int)Math.Round(Radius / step), 1, Math.Max(1, (perDay - 1) / 2));
        var smoothed = new double[spreads.Length];
        var near = new List<double>((2 * radius) + 1);
        for (var b = 0; b < spreads.Length; b++)
        {
            var day = b / perDay * perDay;
            near.Clear();
            for (var d = -radius; d <= radius; d++)
            {
                var spread = spreads[day + (((b % perDay) + d + perDay) % perDay)];
                if (!double.IsNaN(spread))
                {
                    near.Add(spread);
                }
            }

            smoothed[b] = RobustStatistics.Median(near) / Math.Sqrt(2);
        }

        return smoothed;
    }
}

using System.Runtime.CompilerServices;
using System.Globalization;

namespace AnomalyStudio.Core.TimeSeries;

/// <summary>
/// A series' time axis: the rows in time order, the usual step between them, and what departs from it (gaps, duplicate
/// and out-of-order timestamps, irregular steps), so a report can say how regular the series was.
/// </summary>
public sealed class TimeAxis
{
    /// <summary>A step counts as regular when it lies within this share of the usual step.</summary>
    public const double Tolerance = 0.25;

    /// <summary>A step longer than this many usual steps is a gap.</summary>
    public const double GapSteps = 1.5;

    private TimeAxis(DateTimeOffset[] times, int[] order, TimeSpan step, double regularShare, int gaps, TimeSpan longestGap, int duplicates, int outOfOrder)
    {
        Times = times;
        Order = order;
        Step = step;
        RegularShare = regularShare;
        Gaps = gaps;
        LongestGap = longestGap;
        Duplicates = duplicates;
        OutOfOrder = outOfOrder;
    }

    /// <summary>Each row's time, in row order.</summary>
    public DateTimeOffset[] Times { get; }

    /// <summary>Row indices in time order (a stable sort: rows with the same time keep their file order).</summary>
    public int[] Order { get; }

    /// <summary>The median step between consecutive distinct times.</summary>
    public TimeSpan Step { get; }

    /// <summary>The share of consecutive steps within <see cref="Tolerance"/> of <see cref="Step"/> (duplicates excluded).</summary>
    public double RegularShare { get; }

    public int Gaps { get; }

    public TimeSpan LongestGap { get; }

    /// <summary>Rows whose time equals the previous row's in time order.</summary>
    public int Duplicates { get; }

    /// <summary>Rows earlier than the row before them in the file.</summary>
    public int OutOfOrder { get; }

    public int Count => Times.Length;

    /// <summary>The covered span, first to last time.</summary>
    public TimeSpan Span => Count == 0 ? TimeSpan.Zero : Times[Order[^1]] - Times[Order[0]];

    /// <summary>Steps per day at the usual step (0 when the step is longer than a day).</summary>
    public int StepsPerDay => Step <= TimeSpan.Zero || Step > TimeSpan.FromDays(1) ? 0 : (int)Math.Round(TimeSpan.FromDays(1) / Step);

    /// <summary>Reads the axis of <paramref name="times"/> (one per row, file order).</summary>
    // Run once per file over every row: compiled fully optimised at once. Tiered compilation would start it unoptimised
    // and move to optimised code only inside the loop, which cost a cold process (the CLI, a server's first uploads)
    // more than the work itself on a million rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TimeAxis Of(DateTimeOffset[] times)
    {
        var keys = Array.ConvertAll(times, t => t.UtcTicks);
        var outOfOrder = 0;
        for (var i = 1; i < times.Length; i++)
        {
            outOfOrder += keys[i] < keys[i - 1] ? 1 : 0;
        }

        // LINQ's OrderBy is stable, so rows with the same time keep their file order.
        var order = outOfOrder == 0 ? Enumerable.Range(0, times.Length).ToArray() : [.. Enumerable.Range(0, times.Length).OrderBy(i => keys[i])];

        var steps = new List<long>(times.Length);
        var duplicates = 0;
        for (var k = 1; k < order.Length; k++)
        {
            var delta = keys[order[k]] - keys[order[k - 1]];
            if (delta == 0)
            {
                duplicates++;
            }
            else
            {
                steps.Add(delta);
            }
        }

        if (steps.Count == 0)
        {
            return new TimeAxis(times, order, TimeSpan.Zero, 0, 0, TimeSpan.Zero, duplicates, outOfOrder);
        }

        var step = UpperMedian(steps);
        int regular = 0, gaps = 0;
        long longest = 0;
        foreach (var delta in steps)
        {
            regular += Math.Abs(delta - step) <= Tolerance * step ? 1 : 0;
            if (delta > GapSteps * step)
            {
                gaps++;
                longest = Math.Max(longest, delta);
            }
        }

        return new TimeAxis(times, order, TimeSpan.FromTicks(step), (double)regular / steps.Count, gaps, TimeSpan.FromTicks(longest), duplicates, outOfOrder);
    }

    /// <summary>The element at the middle of <paramref name="steps"/> sorted (the upper one of an even count); a series sampled at one step throughout needs no sort.</summary>
    private static long UpperMedian(List<long> steps)
    {
        var first = steps[0];
        if (steps.TrueForAll(s => s == first))
        {
            return first;
        }

        var sorted = steps.ToArray();
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }

    /// <summary>One sentence on the axis: its step and span, and any gaps, duplicates, irregular or out-of-order rows.</summary>
    public string Describe()
    {
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{Count:N0} points every {TimeText.Duration(Step)} over {TimeText.Duration(Span)}"),
        };
        if (Gaps > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Gaps:N0} gap{(Gaps == 1 ? "" : "s")} (longest {TimeText.Duration(LongestGap)})"));
        }

        if (Duplicates > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Duplicates:N0} duplicate timestamp{(Duplicates == 1 ? "" : "s")} (each point kept)"));
        }

        if (RegularShare < 0.95)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{100 * (1 - RegularShare):0.#} % of the steps irregular"));
        }

        if (OutOfOrder > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{OutOfOrder:N0} row{(OutOfOrder == 1 ? "" : "s")} out of time order (analysed in time order)"));
        }

        return string.Join("; ", parts);
    }
}

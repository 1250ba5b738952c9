using System.Runtime.CompilerServices;

namespace AnomalyStudio.Core.TimeSeries;

/// <summary>
/// One metric judged in its context, point by point (arrays in time order): what was expected (the recent level plus the
/// seasonal offset of that moment), how far the value is from it in the recent noise's units, the shift of the level
/// around it, its rate of change and how long it has been flat.
/// </summary>
public sealed class MetricContext
{
    /// <summary>A residual beyond this many σ does not move the level or the noise estimate by its full size.</summary>
    public const double ClipZ = 4;

    /// <summary>After this many points in a row beyond <see cref="ClipZ"/> on the same side, the level jumps to them (a new regime).</summary>
    public const int RegimePoints = 6;

    /// <summary>The points on either side compared for a level shift.</summary>
    public const int ShiftPoints = 16;

    /// <summary>
    /// The noise estimate moves at this share of the level's rate: a burst of noise widens the band for a while instead
    /// of being absorbed at once, so the spike that follows a noisy hour is judged against that hour.
    /// </summary>
    public const double NoiseRate = 0.25;

    /// <summary>The points a second, slower level averages over: a drift or a sustained change the fast level follows is still seen against it.</summary>
    public const int SlowPoints = 144;

    public required string Name { get; init; }

    public required double[] Values { get; init; }

    public required double[] Expected { get; init; }

    /// <summary>The recent noise's σ at each point (the band is <see cref="Expected"/> ± 3σ).</summary>
    public required double[] Sigma { get; init; }

    /// <summary>(value − expected) / σ.</summary>
    public required double[] Deviation { get; init; }

    /// <summary>(value − expected) / σ against the slower level (<see cref="SlowPoints"/>).</summary>
    public required double[] SlowDeviation { get; init; }

    /// <summary>
    /// (median of the next <see cref="ShiftPoints"/> − median of the previous ones), deseasonalised, in standard errors of
    /// that difference (σ·1.25·√(2/<see cref="ShiftPoints"/>), the median's standard error being 1.25 σ/√n for normal noise),
    /// divided by the robust spread of the series' own shifts when that is over 1 (an empirical null, after Efron 2004,
    /// "Large-scale simultaneous hypothesis testing"): the standard error assumes independent noise around a level, and a
    /// level that wanders (an hourly temperature) would otherwise read as a shift at every turn.
    /// </summary>
    public required double[] Shift { get; init; }

    /// <summary>The step's change (deseasonalised) in units of the series' typical step change.</summary>
    public required double[] Rate { get; init; }

    /// <summary>How many points the value has stayed exactly the same, over the longest such run the series usually has (1 = usual).</summary>
    public required double[] Flat { get; init; }

    public required SeasonalProfile Season { get; init; }

    /// <summary>Whether the metric never goes below 0 (a rate, a count, a share), so its typical range stops at 0.</summary>
    public required bool NonNegative { get; init; }

    /// <summary>The series' typical point-to-point noise (σ of the deseasonalised steps / √2).</summary>
    public required double Noise { get; init; }

    /// <summary>Judges <paramref name="values"/> (time order, NaN = missing) at <paramref name="times"/>.</summary>
    // Run once per file over every row: compiled fully optimised at once. Tiered compilation would start it unoptimised
    // and move to optimised code only inside the loop, which cost a cold process (the CLI, a server's first uploads)
    // more than the work itself on a million rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static MetricContext Compute(string name, double[] original, DateTimeOffset[] times, TimeAxis axis)
    {
        var values = original;
        var season = SeasonalProfile.Fit(values, times, axis);
        var seasonal = new double[values.Length];
        var deseasonalised = new double[values.Length];
        var slots = new int[values.Length];
        for (var k = 0; k < values.Length; k++)
        {
            slots[k] = season.Slot(times[k]);
            seasonal[k] = season.AtSlot(slots[k]);
            deseasonalised[k] = values[k] - seasonal[k];
        }

        var steps = new List<double>(values.Length);
        for (var k = 1; k < values.Length; k++)
        {
            if (double.IsFinite(deseasonalised[k]) && double.IsFinite(deseasonalised[k - 1]))
            {
                steps.Add(deseasonalised[k] - deseasonalised[k - 1]);
            }
        }

        var finite = values.Where(double.IsFinite).ToList();
        var magnitude = finite.Count == 0 ? 1 : Math.Max(RobustStatistics.Median(finite.Select(Math.Abs).ToList()), 1e-9);
        var stepSpread = RobustStatistics.Spread(steps);
        var noise = Math.Max(stepSpread / Math.Sqrt(2), 1e-6 * magnitude);
        var perDay = axis.StepsPerDay;
        var window = perDay >= 48 ? perDay / 12 : 12;
        var usual = SeasonalNoise.Of(deseasonalised, slots, season, axis.Step);
        // The fast level with its shifts, the slow level, and the rates and flat runs read the same inputs and write their
        // own arrays: run side by side, each the same as alone.
        double[] expected = [], sigma = [], deviation = [], shift = [], slow = [], rate = [], flat = [];
        Parallel.Invoke(
            () =>
            {
                (expected, sigma, deviation) = Track(deseasonalised, seasonal, noise, usual, slots, window);
                shift = Shifts(deseasonalised, sigma);
            },
            () => slow = Track(deseasonalised, seasonal, noise, usual, slots, SlowPoints).Deviation,
            () =>
            {
                rate = Rates(deseasonalised, Math.Max(stepSpread, noise));
                flat = FlatRuns(values);
            });
        return new MetricContext
        {
            Name = name,
            Values = original,
            NonNegative = original.All(v => !(v < 0)),
            Expected = expected,
            Sigma = sigma,
            Deviation = deviation,
            SlowDeviation = slow,
            Shift = shift,
            Rate = rate,
            Flat = flat,
            Season = season,
            Noise = noise,
        };
    }

    /// <summary>
    /// A causal robust level (an exponentially weighted mean over about <paramref name="window"/> points whose residuals are
    /// clipped at <see cref="ClipZ"/> σ, jumping to a new regime after <see cref="RegimePoints"/> clipped points on one side)
    /// and a causal robust noise σ (the same kind of mean of |residual| × 1.25, never below half the series' noise nor,
    /// when the series has a daily season, below the <paramref name="usual"/> noise of the point's phase slot).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double[] Expected, double[] Sigma, double[] Deviation) Track(double[] y, double[] seasonal, double noise, double[]? usual, int[] slots, int window)
    {
        var n = y.Length;
        var expected = new double[n];
        var sigma = new double[n];
        var deviation = new double[n];
        var alpha = 2.0 / (window + 1);
        var start = y.Take(Math.Min(n, window)).Where(double.IsFinite).ToList();
        var level = start.Count == 0 ? 0 : RobustStatistics.Median(start);
        var scale = noise;
        var floor = noise / 2;
        var run = 0;
        for (var k = 0; k < n; k++)
        {
            var s = Math.Max(scale, usual is null ? floor : Math.Max(floor, usual[slots[k]]));
            expected[k] = level + seasonal[k];
            sigma[k] = s;
            if (!double.IsFinite(y[k]))
            {
                continue;
            }

            var r = y[k] - level;
            var z = r / s;
            deviation[k] = z;
            var clipped = Math.Clamp(r, -ClipZ * s, ClipZ * s);
            level += alpha * clipped;
            scale += NoiseRate * alpha * ((1.25 * Math.Abs(clipped)) - scale);
            run = Math.Abs(z) <= ClipZ ? 0 : run == 0 || Math.Sign(z) == Math.Sign(run) ? run + Math.Sign(z) : Math.Sign(z);
            if (Math.Abs(run) >= RegimePoints)
            {
                level = RobustStatistics.Median(y.Skip(k + 1 - RegimePoints).Take(RegimePoints).Where(double.IsFinite).ToList());
                run = 0;
            }
        }

        return (expected, sigma, deviation);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Shifts(double[] y, double[] sigma)
    {
        var n = y.Length;
        var shifts = new double[n];
        // The median of the points after k is the median of the points before k + ShiftPoints: one pass of window medians serves both.
        var medians = WindowMedians(y, ShiftPoints);
        var measured = new List<double>(n);
        for (var k = ShiftPoints; k + ShiftPoints <= n; k++)
        {
            var a = medians[k];
            var b = medians[k - ShiftPoints];
            if (double.IsFinite(a) && double.IsFinite(b))
            {
                shifts[k] = (a - b) / (sigma[k] * 1.25 * Math.Sqrt(2.0 / ShiftPoints));
                measured.Add(shifts[k]);
            }
        }

        // The empirical null: where the series' own shifts spread wider than standard errors should, its neighbouring
        // points are not independent noise around a level (an hourly temperature, a load that wanders) and the standard
        // error is too small; the shifts are then measured in their own spread, so a wander is not a shift.
        var spread = RobustStatistics.Spread(measured);
        if (spread > 1)
        {
            for (var k = 0; k < n; k++)
            {
                shifts[k] /= spread;
            }
        }

        return shifts;
    }

    /// <summary>
    /// Per start j, the median of <paramref name="y"/>[j, j + <paramref name="width"/>) (NaN when the window holds a missing
    /// value), from a sorted window that drops its oldest value and inserts the newest at each step: O(width) per point.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] WindowMedians(double[] y, int width)
    {
        var medians = new double[Math.Max(0, y.Length - width + 1)];
        var sorted = new double[width];
        var valid = false;
        for (var j = 0; j < medians.Length; j++)
        {
            if (valid)
            {
                var incoming = y[j + width - 1];
                valid = double.IsFinite(incoming);
                if (valid)
                {
                    Replace(sorted, y[j - 1], incoming);
                }
            }

            if (!valid)
            {
                Array.Copy(y, j, sorted, 0, width);
                valid = Array.TrueForAll(sorted, double.IsFinite);
                if (valid)
                {
                    Array.Sort(sorted);
                }
            }

            medians[j] = !valid ? double.NaN : width % 2 == 1 ? sorted[width / 2] : (sorted[(width / 2) - 1] + sorted[width / 2]) / 2;
        }

        return medians;
    }

    /// <summary>Removes <paramref name="outgoing"/> from the sorted window and inserts <paramref name="incoming"/> in its place in the order.</summary>
    private static void Replace(double[] sorted, double outgoing, double incoming)
    {
        var removed = Array.BinarySearch(sorted, outgoing);
        var insert = Array.BinarySearch(sorted, incoming);
        insert = insert < 0 ? ~insert : insert;
        if (insert > removed)
        {
            Array.Copy(sorted, removed + 1, sorted, removed, insert - 1 - removed);
            sorted[insert - 1] = incoming;
        }
        else
        {
            Array.Copy(sorted, insert, sorted, insert + 1, removed - insert);
            sorted[insert] = incoming;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Rates(double[] y, double stepSpread)
    {
        var rates = new double[y.Length];
        for (var k = 1; k < y.Length; k++)
        {
            var change = y[k] - y[k - 1];
            rates[k] = double.IsFinite(change) ? change / stepSpread : 0;
        }

        return rates;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] FlatRuns(double[] values)
    {
        var runs = new int[values.Length];
        for (var k = 1; k < values.Length; k++)
        {
            runs[k] = values[k] == values[k - 1] ? runs[k - 1] + 1 : 0;
        }

        var ends = new List<double>();
        for (var k = 0; k < values.Length; k++)
        {
            if (runs[k] > 0 && (k + 1 == values.Length || runs[k + 1] == 0))
            {
                ends.Add(runs[k]);
            }
        }

        ends.Sort();
        var usual = ends.Count == 0 ? 1 : Math.Max(1, ends[(int)(0.99 * (ends.Count - 1))]);
        return Array.ConvertAll(runs, r => r / usual);
    }
}

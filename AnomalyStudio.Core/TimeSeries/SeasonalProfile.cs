using System.Runtime.CompilerServices;
using System.Globalization;

namespace AnomalyStudio.Core.TimeSeries;

/// <summary>
/// The repeating part of a series, an STL-like decomposition written for this project (after Cleveland et al. 1990,
/// "STL: a seasonal-trend decomposition procedure based on loess", with medians in place of loess for robustness): the
/// trend is a centred moving average over one period, the seasonal profile the median of the detrended values at each
/// phase (time of day, and weekday or weekend when that differs), and the season is kept only when it explains a real
/// share of the detrended variance (Wang, Smith &amp; Hyndman 2006's seasonal strength, 1 − var(remainder)/var(detrended)).
/// </summary>
public sealed class SeasonalProfile
{
    /// <summary>The least seasonal strength for a daily cycle to be used.</summary>
    public const double MinimumStrength = 0.25;

    /// <summary>The share by which a weekday/weekend split must further cut the remainder's variance to be used.</summary>
    public const double WeekSplitGain = 0.1;

    private readonly double[] _profile;
    private readonly int _slotsPerDay;
    private readonly long _stepTicks;

    private SeasonalProfile(double[] profile, int slotsPerDay, long stepTicks, bool weekSplit, double strength)
    {
        _profile = profile;
        _slotsPerDay = slotsPerDay;
        _stepTicks = stepTicks;
        WeekSplit = weekSplit;
        Strength = strength;
    }

    /// <summary>No season: every phase expects 0.</summary>
    public static SeasonalProfile None { get; } = new([0], 1, 1, false, 0);

    public bool IsDaily => _slotsPerDay > 1;

    /// <summary>The slots of a day (1 without a season).</summary>
    public int SlotsPerDay => _slotsPerDay;

    /// <summary>The phase slots (<see cref="SlotsPerDay"/>, twice that with weekdays and weekends apart), as <see cref="Slot"/> numbers them.</summary>
    public int SlotCount => _profile.Length;

    /// <summary>Whether weekdays and weekends have profiles of their own.</summary>
    public bool WeekSplit { get; }

    /// <summary>1 − var(remainder)/var(detrended): the share of the detrended variance the season explains.</summary>
    public double Strength { get; }

    /// <summary>The seasonal offset expected at <paramref name="time"/>.</summary>
    public double At(DateTimeOffset time) => _profile[Slot(time)];

    /// <summary>The seasonal offset expected in phase slot <paramref name="slot"/> (as <see cref="Slot"/> gives it).</summary>
    public double AtSlot(int slot) => _profile[slot];

    /// <summary>"at this hour on weekdays", "at this hour", or empty without a season.</summary>
    public string PhaseText(DateTimeOffset time) => !IsDaily ? string.Empty
        : WeekSplit ? (IsWeekend(time) ? "at this hour on weekends" : "at this hour on weekdays") : "at this hour";

    /// <summary>A short description ("daily cycle (strength 0.62), weekdays and weekends apart"), or "no daily cycle".</summary>
    public string Describe() => !IsDaily ? "no daily cycle"
        : string.Create(CultureInfo.InvariantCulture, $"daily cycle (strength {Strength:0.00}){(WeekSplit ? ", weekdays and weekends apart" : "")}");

    /// <summary>The phase slot of a time: its step of the day, and the day kind when weekdays and weekends differ.</summary>
    public int Slot(DateTimeOffset time)
    {
        if (!IsDaily)
        {
            return 0;
        }

        var utc = time.UtcDateTime;
        var slot = SlotOfDay(utc, _stepTicks, _slotsPerDay);
        return WeekSplit && IsWeekend(utc) ? _slotsPerDay + slot : slot;
    }

    private static int SlotOfDay(DateTime utc, long stepTicks, int slotsPerDay) => (int)(utc.TimeOfDay.Ticks / stepTicks) % slotsPerDay;

    private static bool IsWeekend(DateTimeOffset time) => IsWeekend(time.UtcDateTime);

    private static bool IsWeekend(DateTime utc) => utc.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>
    /// Finds the daily (and weekday/weekend) profile of <paramref name="values"/> (time order, NaN = missing) at
    /// <paramref name="times"/>; <see cref="None"/> when the series is too short (under three days), too coarse (a step
    /// over six hours) or its cycle too weak.
    /// </summary>
    // Run once per file over every row: compiled fully optimised at once. Tiered compilation would start it unoptimised
    // and move to optimised code only inside the loop, which cost a cold process (the CLI, a server's first uploads)
    // more than the work itself on a million rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SeasonalProfile Fit(double[] values, DateTimeOffset[] times, TimeAxis axis)
    {
        var perDay = axis.StepsPerDay;
        if (perDay < 4 || axis.Span < TimeSpan.FromDays(3))
        {
            return None;
        }

        var detrended = Detrend(values, perDay);
        var phases = Phases.Of(times, perDay, axis.Step.Ticks);
        // The three robust variances (none, a daily profile, weekdays and weekends apart) are each a median over every
        // point: computed side by side, each as it would be alone; the split's is only read when the daily one is kept.
        SeasonalProfile daily = None, split = None;
        double baseVariance = 0, dailyVariance = 0, splitVariance = double.PositiveInfinity;
        var canSplit = axis.Span >= TimeSpan.FromDays(14);
        Parallel.Invoke(
            () => baseVariance = Variance(detrended, null, phases),
            () =>
            {
                daily = Build(detrended, phases, perDay, axis.Step.Ticks, false);
                dailyVariance = Variance(detrended, daily, phases);
            },
            () =>
            {
                if (canSplit)
                {
                    split = Build(detrended, phases, perDay, axis.Step.Ticks, true);
                    splitVariance = Variance(detrended, split, phases);
                }
            });
        if (baseVariance <= 0)
        {
            return None;
        }

        var strength = 1 - (dailyVariance / baseVariance);
        if (strength < MinimumStrength)
        {
            return None;
        }

        var weekSplit = canSplit && splitVariance < (1 - WeekSplitGain) * dailyVariance;
        var chosen = weekSplit ? split : daily;
        var refined = Refine(values, phases, chosen, perDay, axis.Step.Ticks);
        return new SeasonalProfile(refined._profile, perDay, axis.Step.Ticks, weekSplit, weekSplit ? 1 - (splitVariance / baseVariance) : strength);
    }

    /// <summary>
    /// STL's inner loop, once: the trend is estimated again on the values less <paramref name="first"/>'s offsets and the
    /// profile built again against it. A day's moving average taken over the raw values is pulled by the cycle wherever
    /// its size changes (a weekend's smaller swing beside a weekday's), which biased the profile near midnight into a
    /// step between one day's end and the next day's start; less the season, the average follows the level alone.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SeasonalProfile Refine(double[] values, Phases phases, SeasonalProfile first, int perDay, long stepTicks)
    {
        var deseasonalised = new double[values.Length];
        for (var k = 0; k < values.Length; k++)
        {
            deseasonalised[k] = values[k] - first._profile[phases.Slot(k, first.WeekSplit)];
        }

        // Detrend gives the deseasonalised values less their level (their moving average); the values less that level are
        // what the profile is built from.
        var residual = Detrend(deseasonalised, perDay);
        var detrended = new double[values.Length];
        for (var k = 0; k < values.Length; k++)
        {
            detrended[k] = values[k] - (deseasonalised[k] - residual[k]);
        }

        return Build(detrended, phases, perDay, stepTicks, first.WeekSplit);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SeasonalProfile Build(double[] detrended, Phases phases, int perDay, long stepTicks, bool weekSplit)
    {
        var shell = new SeasonalProfile(new double[weekSplit ? 2 * perDay : perDay], perDay, stepTicks, weekSplit, 0);
        var buckets = new List<double>[shell._profile.Length];
        for (var b = 0; b < buckets.Length; b++)
        {
            buckets[b] = [];
        }

        for (var k = 0; k < detrended.Length; k++)
        {
            if (!double.IsNaN(detrended[k]))
            {
                buckets[phases.Slot(k, weekSplit)].Add(detrended[k]);
            }
        }

        for (var b = 0; b < buckets.Length; b++)
        {
            shell._profile[b] = buckets[b].Count == 0 ? 0 : RobustStatistics.Median(buckets[b]);
        }

        return shell;
    }

    /// <summary>Values minus their centred moving average over one period (missing values left out of the average).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Detrend(double[] values, int period)
    {
        var detrended = new double[values.Length];
        double sum = 0;
        var count = 0;
        int lo = 0, hi = 0, half = period / 2;
        for (var k = 0; k < values.Length; k++)
        {
            for (; hi < values.Length && hi <= k + half; hi++)
            {
                if (!double.IsNaN(values[hi])) { sum += values[hi]; count++; }
            }

            for (; lo < k - half; lo++)
            {
                if (!double.IsNaN(values[lo])) { sum -= values[lo]; count--; }
            }

            detrended[k] = count == 0 || double.IsNaN(values[k]) ? double.NaN : values[k] - (sum / count);
        }

        return detrended;
    }

    /// <summary>The robust variance (MAD²) of the detrended values less the profile's offsets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Variance(double[] detrended, SeasonalProfile? profile, Phases phases)
    {
        var rest = new List<double>(detrended.Length);
        for (var k = 0; k < detrended.Length; k++)
        {
            if (!double.IsNaN(detrended[k]))
            {
                rest.Add(detrended[k] - (profile is null ? 0 : profile._profile[phases.Slot(k, profile.WeekSplit)]));
            }
        }

        var spread = RobustStatistics.Spread(rest);
        return spread * spread;
    }

    /// <summary>Each point's step of the day and whether it falls on a weekend, read from its time once for every profile built.</summary>
    private sealed class Phases
    {
        private readonly int[] _slotOfDay;
        private readonly bool[] _weekend;
        private readonly int _perDay;

        private Phases(int[] slotOfDay, bool[] weekend, int perDay) => (_slotOfDay, _weekend, _perDay) = (slotOfDay, weekend, perDay);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static Phases Of(DateTimeOffset[] times, int perDay, long stepTicks)
        {
            var slotOfDay = new int[times.Length];
            var weekend = new bool[times.Length];
            for (var k = 0; k < times.Length; k++)
            {
                var utc = times[k].UtcDateTime;
                slotOfDay[k] = SlotOfDay(utc, stepTicks, perDay);
                weekend[k] = IsWeekend(utc);
            }

            return new Phases(slotOfDay, weekend, perDay);
        }

        /// <summary>The point's slot in a profile with or without weekdays and weekends apart, as <see cref="SeasonalProfile.Slot"/> gives it.</summary>
        public int Slot(int k, bool weekSplit) => weekSplit && _weekend[k] ? _perDay + _slotOfDay[k] : _slotOfDay[k];
    }
}

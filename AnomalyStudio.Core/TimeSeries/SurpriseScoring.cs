using System.Globalization;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.TimeSeries;

/// <summary>
/// Turns a series' contextual distances into scores and flags. A point's distance is the larger of its deviation from
/// the expected value (in the recent noise's σ) and the detector's robust distance over its context features or window.
/// The level shift around it (in standard errors) and its deviation from the slower level (weighted by
/// <see cref="TimeSeriesOptions.SlowWeight"/>, since a slow level lags any change) count as well.
/// It is flagged when it is a new surprise: at least <see cref="TimeSeriesOptions.FlagDistance"/> σ, and at least
/// <see cref="TimeSeriesOptions.NoveltyShare"/> of the largest distance in its history, which is the
/// <see cref="TimeSeriesOptions.RecentHistory"/> before it (so the noise of a noisy hour is not flagged again and again)
/// and the same time of day on the <see cref="TimeSeriesOptions.SeasonalHistoryDays"/> days before (so a spike that
/// recurs every day, such as a nightly job, is flagged once at most): the idea of Numenta's anomaly likelihood, an error
/// judged against the history of errors. Surprises within <see cref="TimeSeriesOptions.PeriodLength"/> of a flag belong to
/// its period and are not flagged on their own, since NAB's standard profile, like an analyst, rewards the first
/// detection of an episode and charges every further one outside its window.
/// </summary>
public static class SurpriseScoring
{
    /// <summary>
    /// Per point (time order): the contextual distance and whether it is flagged. <paramref name="modelDistance"/> is the
    /// detector's robust distance per point (time order).
    /// </summary>
    public static (double[] Distance, bool[] Flagged) Flag(IReadOnlyList<MetricContext> metrics, double[] modelDistance, TimeSeriesOptions options, TimeAxis axis)
    {
        var distance = Distances(metrics, modelDistance, options);
        return (distance, Flags(distance, options, axis));
    }

    /// <summary>Per point (time order): the larger of the detector's distance and the metrics' contextual distances.</summary>
    public static double[] Distances(IReadOnlyList<MetricContext> metrics, double[] modelDistance, TimeSeriesOptions options)
    {
        var n = modelDistance.Length;
        var distance = new double[n];
        for (var k = 0; k < n; k++)
        {
            var d = double.IsFinite(modelDistance[k]) ? Math.Max(modelDistance[k], 0) : 0;
            foreach (var metric in metrics)
            {
                d = Math.Max(d, Math.Abs(metric.Deviation[k]));
                d = Math.Max(d, Math.Abs(metric.Shift[k]));
                d = Math.Max(d, options.SlowWeight * Math.Abs(metric.SlowDeviation[k]));
            }

            distance[k] = d;
        }

        return distance;
    }

    /// <summary>
    /// Per point (time order): whether its distance is a new surprise that starts a period. <paramref name="axis"/> turns
    /// the options' times into points at the series' usual step (a gap shifts the same-time-of-day points a little).
    /// </summary>
    public static bool[] Flags(double[] distance, TimeSeriesOptions options, TimeAxis axis)
    {
        var n = distance.Length;
        var rule = FlagRule.Of(options, axis);
        var flagged = new bool[n];
        var recent = new SlidingMaximum(rule.RecentPoints);
        // The largest distance within the phase tolerance of each point, read one day, two days, … back.
        var phase = rule.Days > 0 ? SlidingMaximum.Centred(distance, rule.TolerancePoints) : null;
        var last = int.MinValue / 2;
        for (var k = 0; k < n; k++)
        {
            var before = recent.Maximum;
            for (var day = 1; phase is not null && day <= rule.Days && k - (day * rule.PointsPerDay) >= 0; day++)
            {
                before = Math.Max(before, phase[k - (day * rule.PointsPerDay)]);
            }

            if (distance[k] >= options.FlagDistance && distance[k] >= options.NoveltyShare * before)
            {
                flagged[k] = k - last > rule.PeriodPoints;
                last = k;
            }

            recent.Add(distance[k]);
        }

        return flagged;
    }

    /// <summary>
    /// The 0…1 scores: a distance calibration whose low band starts at <see cref="TimeSeriesOptions.FlagDistance"/> and whose
    /// medium, high and critical bands lie as far above it as <paramref name="calibration"/>'s lie above its low band. A point
    /// that is not flagged stays just under the low band, however far it is (it repeats a recent surprise or continues a period).
    /// </summary>
    public static (double[] Scores, FlagThreshold Threshold) Scores(double[] distance, bool[] flagged, TimeSeriesOptions options, CalibrationOptions calibration, SeverityThresholds thresholds)
    {
        var shift = options.FlagDistance - calibration.LowZ;
        double[] raw = [0, options.FlagDistance, calibration.MediumZ + shift, calibration.HighZ + shift, calibration.CriticalZ + shift];
        double[] anchors = [thresholds.Low / 4, thresholds.Low, thresholds.Medium, thresholds.High, thresholds.Critical];
        var map = new ScoreCalibration(raw, anchors, calibration.TailZ, 0, false, 1);
        var below = thresholds.Low - 1e-6;
        var scores = new double[distance.Length];
        for (var k = 0; k < distance.Length; k++)
        {
            var score = map.Normalise(distance[k]);
            scores[k] = flagged[k] ? Math.Max(score, thresholds.Low) : Math.Min(score, below);
        }

        var days = options.SeasonalHistoryDays > 0
            ? string.Create(CultureInfo.InvariantCulture, $" and at the same time of day (± {TimeText.Duration(options.PhaseTolerance)}) on the {options.SeasonalHistoryDays} days before")
            : string.Empty;
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"Points {options.FlagDistance:0.#} robust σ or more from their expected value, and larger than {options.NoveltyShare:0%} of anything in the {TimeText.Duration(options.RecentHistory)} before them{days}, are flagged: each starts an anomalous period, and surprises within {TimeText.Duration(options.PeriodLength)} of it belong to it.");
        return (scores, new FlagThreshold(thresholds.Low, ThresholdMethod.Distance, reason, options.FlagDistance));
    }
}

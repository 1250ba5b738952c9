using System.Globalization;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.TimeSeries;

/// <summary>
/// Turns a series' contextual distances into scores and flags. A point's distance is the larger of its deviation from
/// the expected value (in the recent noise's σ) and the detector's robust distance over its context features or window.
/// The level shift around it (in standard errors) and its deviation from the slower level (weighted by
/// <see cref="TimeSeriesOptions.SlowWeight"/>, since a slow level lags any change) count as well.
/// It is flagged when it is a new surprise: at least <see cref="TimeSeriesOptions.FlagDistance"/> σ, and at least
/// <see cref="TimeSeriesOptions.NoveltyShare"/> of the largest distance of the <see cref="TimeSeriesOptions.HistoryPoints"/>
/// before it, so a spike that recurs every day, or the noise of a noisy hour, is not flagged again and again (the idea of
/// Numenta's anomaly likelihood: judge an error against the recent history of errors). The points that follow a flagged
/// one within <see cref="TimeSeriesOptions.PeriodPoints"/> belong to its period and are not flagged on their own.
/// </summary>
public static class SurpriseScoring
{
    /// <summary>
    /// Per point (time order): the contextual distance and whether it is flagged. <paramref name="modelDistance"/> is the
    /// detector's robust distance per point (time order).
    /// </summary>
    public static (double[] Distance, bool[] Flagged) Flag(IReadOnlyList<MetricContext> metrics, double[] modelDistance, TimeSeriesOptions options)
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

        var flagged = new bool[n];
        var history = new SlidingMaximum(options.HistoryPoints);
        var last = int.MinValue / 2;
        for (var k = 0; k < n; k++)
        {
            var novel = distance[k] >= options.NoveltyShare * history.Maximum;
            if (novel && distance[k] >= options.FlagDistance && k - last > options.PeriodPoints)
            {
                flagged[k] = true;
            }

            if (novel && distance[k] >= options.FlagDistance)
            {
                last = k;
            }

            history.Add(distance[k]);
        }

        return (distance, flagged);
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

        var reason = string.Create(CultureInfo.InvariantCulture,
            $"Points {options.FlagDistance:0.#} robust σ or more from their expected value, and larger than {options.NoveltyShare:0%} of anything in the {options.HistoryPoints:N0} points before them, are flagged: each starts an anomalous period of up to {options.PeriodPoints} points.");
        return (scores, new FlagThreshold(thresholds.Low, ThresholdMethod.Distance, reason, options.FlagDistance));
    }
}

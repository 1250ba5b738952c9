using MathNet.Numerics.Statistics;

namespace AnomalyStudio.Core.Scoring;

/// <summary>
/// A fixed, monotone map from a model's raw scores to 0 (normal) … 1 (anomalous), fitted once on the
/// training scores and stored with the model. Unlike per-file min–max scaling (the reference design's), a
/// record's score then does not depend on the rest of the file, and a clean file has no "critical" row just
/// because some row must be the maximum.
/// <para>
/// Piecewise linear through anchors taken from the training scores, with c the contamination:
/// minimum → 0; the (1 − c) quantile → the low threshold (so a share c of training records is at least "low");
/// the (1 − c/2) quantile → medium; the (1 − c/5) quantile → high; the training maximum → halfway between
/// high and critical. Beyond the training maximum the score saturates towards 1, halving the remaining
/// distance for every further "unit" (the raw width of the high band), so "critical" means more extreme than
/// anything in the training data by at least that unit. Fitting on a clean file therefore puts its most
/// extreme row at "high", never "critical".
/// </para>
/// </summary>
public sealed record ScoreCalibration(double[] RawAnchors, double[] ScoreAnchors, double TailUnit, double Contamination)
{
    /// <summary>Fits the anchors on raw training scores (higher = more anomalous).</summary>
    public static ScoreCalibration Fit(IReadOnlyCollection<double> trainingScores, double contamination, SeverityThresholds thresholds)
    {
        if (!(contamination > 0 && contamination < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(contamination), contamination, "Contamination must be in (0, 0.5).");
        }

        var sorted = trainingScores.Where(double.IsFinite).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("Calibration needs at least one finite training score.", nameof(trainingScores));
        }

        Array.Sort(sorted);
        double[] raw =
        [
            sorted[0],
            SortedArrayStatistics.Quantile(sorted, 1 - contamination),
            SortedArrayStatistics.Quantile(sorted, 1 - (contamination / 2)),
            SortedArrayStatistics.Quantile(sorted, 1 - (contamination / 5)),
            sorted[^1],
        ];
        double[] scores = [0, thresholds.Low, thresholds.Medium, thresholds.High, (thresholds.High + thresholds.Critical) / 2];

        // Many equal training scores (discrete features) give equal quantiles: keep the anchors strictly rising.
        var scale = Math.Max(raw[^1] - raw[0], Math.Max(Math.Abs(raw[^1]), 1) * 1e-9);
        for (var i = 1; i < raw.Length; i++)
        {
            raw[i] = Math.Max(raw[i], raw[i - 1] + (scale * 1e-6));
        }

        var unit = Math.Max(raw[4] - raw[3], scale * 0.01);
        return new ScoreCalibration(raw, scores, unit, contamination);
    }

    public double Normalise(double raw)
    {
        if (double.IsNaN(raw) || double.IsPositiveInfinity(raw))
        {
            return 1; // a model that cannot place a record at all treats it as maximally unusual
        }

        if (raw <= RawAnchors[0])
        {
            return ScoreAnchors[0];
        }

        for (var i = 1; i < RawAnchors.Length; i++)
        {
            if (raw <= RawAnchors[i])
            {
                var t = (raw - RawAnchors[i - 1]) / (RawAnchors[i] - RawAnchors[i - 1]);
                return ScoreAnchors[i - 1] + (t * (ScoreAnchors[i] - ScoreAnchors[i - 1]));
            }
        }

        var top = ScoreAnchors[^1];
        var units = (raw - RawAnchors[^1]) / TailUnit;
        return top + ((1 - top) * (1 - Math.Pow(2, -units)));
    }

    public double[] Normalise(double[] raw)
    {
        var scores = new double[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            scores[i] = Normalise(raw[i]);
        }

        return scores;
    }
}

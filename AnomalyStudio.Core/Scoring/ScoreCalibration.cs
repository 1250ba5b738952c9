using MathNet.Numerics.Statistics;

namespace AnomalyStudio.Core.Scoring;

/// <summary>
/// A fixed, monotone map from a model's raw scores to 0 (normal) … 1 (anomalous), fitted once on the
/// training scores and stored with the model. Unlike per-file min–max scaling, a record's score then does not
/// depend on the rest of the file, and a clean file has no "critical" row just because some row must be the
/// maximum.
/// <para>
/// Anchors, from the training scores: q₀ = minimum, q_c = the (1 − contamination) quantile, q_t = the
/// (1 − contamination/10) quantile. Up to q_c the score rises linearly from 0 to the low threshold L, so the
/// contamination share of training records (10% by default) reaches L. Beyond q_c it saturates:
/// L + (1 − L)(1 − 2^(−(s − q_c)/(q_t − q_c))), so the top 1% of training scores sit halfway between L and 1 and
/// only records far past the training distribution (about four such spreads beyond q_c) come near 1.
/// </para>
/// </summary>
public sealed record ScoreCalibration(double Minimum, double ContaminationQuantile, double TailQuantile, double LowThreshold, double Contamination)
{
    /// <summary>Fits the anchors on raw training scores (higher = more anomalous).</summary>
    public static ScoreCalibration Fit(IReadOnlyCollection<double> trainingScores, double contamination, double lowThreshold)
    {
        if (trainingScores.Count == 0)
        {
            throw new ArgumentException("Calibration needs at least one training score.", nameof(trainingScores));
        }

        if (contamination is <= 0 or >= 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(contamination), contamination, "Contamination must be in (0, 0.5).");
        }

        var sorted = trainingScores.Where(double.IsFinite).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("Calibration needs finite training scores.", nameof(trainingScores));
        }

        Array.Sort(sorted);
        var min = sorted[0];
        var max = sorted[^1];
        var qc = SortedArrayStatistics.Quantile(sorted, 1 - contamination);
        var qt = SortedArrayStatistics.Quantile(sorted, 1 - (contamination / 10));

        // Degenerate training data (many equal scores): keep the anchors strictly ordered.
        var span = Math.Max(max - min, Math.Abs(max) * 1e-9);
        if (!(span > 0))
        {
            span = 1e-9;
        }

        if (!(qc > min))
        {
            qc = min + (span * 1e-6);
        }

        if (!(qt > qc))
        {
            qt = qc + Math.Max(max - qc, span * 0.01);
        }

        return new ScoreCalibration(min, qc, qt, lowThreshold, contamination);
    }

    public double Normalise(double raw)
    {
        if (double.IsNaN(raw))
        {
            return 1; // a model that cannot reconstruct or place a record at all treats it as maximally unusual
        }

        if (raw <= ContaminationQuantile)
        {
            var below = (raw - Minimum) / (ContaminationQuantile - Minimum);
            return Math.Clamp(below, 0, 1) * LowThreshold;
        }

        var spreads = (raw - ContaminationQuantile) / (TailQuantile - ContaminationQuantile);
        return LowThreshold + ((1 - LowThreshold) * (1 - Math.Pow(2, -spreads)));
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

using MathNet.Numerics.Statistics;

namespace AnomalyStudio.Core.Scoring;

/// <summary>
/// A fixed, monotone map from a model's raw scores to 0 (normal) … 1 (anomalous), fitted once on a baseline's
/// scores and stored with the model, so a record's score never depends on which other records are scored with it
/// (unlike the reference design's per-file min–max scaling). Both fits are piecewise linear between raw anchors,
/// on the raw score or, when <see cref="LogScale"/> is set, on its logarithm, and saturate towards 1 beyond the last
/// anchor, halving the remaining distance every <see cref="TailUnit"/>.
/// <list type="bullet">
/// <item><see cref="Robust"/> (the default): anchors at fixed distances from the baseline's typical score, in robust
/// standard deviations (<see cref="Spread"/>), so a severity means the same on every file and the share flagged follows
/// the data. Evidence (<see cref="Normalise(double, double)"/>) adds to that distance.</item>
/// <item><see cref="Fit"/> (Calibration:Method=Contamination): a quota. With c the contamination: the training
/// minimum → 0; the (1 − c) quantile → the low threshold (a share c of the baseline is at least "low"); the (1 − c/2)
/// quantile → medium; the (1 − c/5) quantile → high; the training maximum → halfway between high and critical, the
/// unit being the raw width of the high band.</item>
/// </list>
/// </summary>
public sealed record ScoreCalibration(double[] RawAnchors, double[] ScoreAnchors, double TailUnit, double Contamination, bool LogScale = false, double Spread = 0)
{
    /// <summary>
    /// Fits the map on a normal baseline's raw scores (higher = more anomalous) by robust distance, as Elastic's
    /// anomaly scores and PyOD's MAD thresholding do: with m the baseline's median score and σ a robust spread
    /// (1.4826 × the median absolute deviation, but at least the spread its upper decile implies, and at least
    /// <see cref="CalibrationOptions.MinimumSpread"/>), a record's distance is z = (score − m) / σ. Scores are
    /// compared on a log scale when every baseline score is positive (an isolation forest's 2^(−E[h]/c) becomes its
    /// mean path length; a reconstruction error its order of magnitude). z = 0 maps to a quarter of the low threshold,
    /// z at <see cref="CalibrationOptions.LowZ"/> to the low threshold, and so on up to critical. No share is forced: a
    /// file of ordinary records leaves almost all of them below low, and a file with attacks puts each attack where its
    /// distance puts it.
    /// </summary>
    public static ScoreCalibration Robust(IReadOnlyCollection<double> baselineScores, CalibrationOptions options, SeverityThresholds thresholds)
    {
        var sorted = SortedScale(baselineScores, out var log);
        var median = SortedArrayStatistics.Median(sorted);
        var deviations = SortedDeviations(sorted, median);
        var mad = 1.4826 * SortedArrayStatistics.Median(deviations);
        // The upper decile's distance from the median (1.2816 σ for normal data) measures the spread of the tail that
        // anomalies are judged against: anomaly scores are skewed to the right even on clean data, and where more than
        // half the baseline scores are equal (many identical log lines) the MAD alone would be 0.
        var decile = (SortedArrayStatistics.Quantile(sorted, 0.9) - median) / 1.2816;
        var spread = Math.Max(Math.Max(mad, decile), options.MinimumSpread);
        double[] z = [0, options.LowZ, options.MediumZ, options.HighZ, options.CriticalZ];
        var raw = z.Select(k => median + (k * spread)).ToArray();
        // The typical record scores a quarter of "low"; less typical ones approach 0 without reaching it, so the score
        // keeps the model's whole order (ROC-AUC is measured on it) instead of tying half the file at 0.
        double[] scores = [thresholds.Low / 4, thresholds.Low, thresholds.Medium, thresholds.High, thresholds.Critical];
        return new ScoreCalibration(raw, scores, spread * options.TailZ, 0, log, spread);
    }

    /// <summary>
    /// The finite baseline scores on the scale the anchors use, sorted ascending: their logarithms when every one is
    /// non-negative and some positive (zeros are left out: they map to the lowest score), else the scores themselves.
    /// </summary>
    private static double[] SortedScale(IReadOnlyCollection<double> baselineScores, out bool log)
    {
        // One pass to count and classify, one to copy: a million-record baseline is not copied three times over. An
        // array (what a model's scores are) is read as a span, without an enumerator's call per score.
        var scores = baselineScores as double[] ?? [.. baselineScores];
        int finite = 0, negative = 0, positive = 0;
        foreach (var v in scores)
        {
            if (double.IsFinite(v))
            {
                finite++;
                negative += v < 0 ? 1 : 0;
                positive += v > 0 ? 1 : 0;
            }
        }

        if (finite == 0)
        {
            throw new ArgumentException("Calibration needs at least one finite baseline score.", nameof(baselineScores));
        }

        // A log scale needs positive scores; a reconstruction error of exactly 0 is rare but possible, so zeros do not
        // switch it off: they map to the lowest score.
        log = negative == 0 && positive > 0;
        var sorted = new double[log ? positive : finite];
        var at = 0;
        foreach (var v in scores)
        {
            if (double.IsFinite(v) && (!log || v > 0))
            {
                sorted[at++] = log ? Math.Log(v) : v;
            }
        }

        DoubleSort.Sort(sorted);
        return sorted;
    }

    /// <summary>
    /// |v − <paramref name="median"/>| of every sorted value, sorted: the values below the median give falling
    /// deviations and those above rising ones, so merging the two runs sorts them without a second sort.
    /// </summary>
    private static double[] SortedDeviations(double[] sorted, double median)
    {
        var deviations = new double[sorted.Length];
        var split = Array.BinarySearch(sorted, median);
        var right = split >= 0 ? split : ~split;
        while (right > 0 && sorted[right - 1] >= median)
        {
            right--; // the first value at or above the median
        }

        var left = right - 1;
        for (var k = 0; k < deviations.Length; k++)
        {
            var below = left >= 0 ? median - sorted[left] : double.PositiveInfinity;
            var above = right < sorted.Length ? sorted[right] - median : double.PositiveInfinity;
            if (below <= above && left >= 0)
            {
                deviations[k] = Math.Abs(sorted[left--] - median);
            }
            else
            {
                deviations[k] = Math.Abs(sorted[right++] - median);
            }
        }

        return deviations;
    }

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

        DoubleSort.Sort(sorted);
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

    /// <summary>
    /// The 0…1 score of a raw score, with <paramref name="evidence"/> robust standard deviations added to its distance
    /// (<see cref="Features.EvidencePrior"/>: a FATAL level, attack tokens in a URI). Evidence counts only in a robust
    /// calibration (<see cref="Spread"/> &gt; 0): a quota has no distance to add to.
    /// </summary>
    public double Normalise(double raw, double evidence) => Map(raw, Spread > 0 && evidence > 0 ? evidence * Spread : 0);

    public double Normalise(double raw) => Map(raw, 0);

    /// <summary>Whether the map measures robust distances (<see cref="Robust"/>), so <see cref="Distance"/> and <see cref="Rebased"/> apply.</summary>
    public bool MeasuresDistance => Spread > 0;

    /// <summary>
    /// A record's distance from the baseline's typical score in robust standard deviations, with its evidence added: the
    /// quantity the severities are bands of. Only for a robust calibration (<see cref="MeasuresDistance"/>).
    /// </summary>
    public double Distance(double raw, double evidence)
    {
        if (double.IsNaN(raw) || double.IsPositiveInfinity(raw))
        {
            return double.PositiveInfinity;
        }

        var at = LogScale ? (raw > 0 ? Math.Log(raw) : double.NegativeInfinity) : raw;
        return ((at - RawAnchors[0]) / Spread) + Math.Max(evidence, 0);
    }

    /// <summary>
    /// The distances of many records (<paramref name="evidence"/> may be null), each worked out when it is read: the
    /// file's threshold reads a sample of them (<see cref="FileThreshold"/>), not a million.
    /// </summary>
    public IReadOnlyList<double> Distances(double[] raw, double[]? evidence) => new RecordDistances(this, raw, evidence);

    private sealed class RecordDistances(ScoreCalibration calibration, double[] raw, double[]? evidence) : IReadOnlyList<double>
    {
        public double this[int index] => calibration.Distance(raw[index], evidence?[index] ?? 0);

        public int Count => raw.Length;

        public IEnumerator<double> GetEnumerator()
        {
            for (var i = 0; i < raw.Length; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// The same map with the low threshold moved to <paramref name="lowDistance"/> robust standard deviations: a file whose
    /// threshold was chosen from its own scores (<see cref="FileThreshold"/>) has its flagged records start at "low". Medium,
    /// high and critical stay where they were, so they keep meaning the same distance on every file. The typical record
    /// keeps its score, and the order of all scores is kept. <paramref name="lowDistance"/> must lie between the typical
    /// record and the medium anchor.
    /// </summary>
    public ScoreCalibration Rebased(double lowDistance)
    {
        if (!MeasuresDistance)
        {
            throw new InvalidOperationException("Only a robust calibration measures distances to rebase.");
        }

        var at = RawAnchors[0] + (lowDistance * Spread);
        if (!(lowDistance > 0 && at < RawAnchors[2]))
        {
            throw new ArgumentOutOfRangeException(nameof(lowDistance), lowDistance, "The low distance must be positive and below the medium one.");
        }

        var anchors = (double[])RawAnchors.Clone();
        anchors[1] = at;
        return this with { RawAnchors = anchors };
    }

    /// <summary>The map itself; <paramref name="shift"/> is added on the log (or raw) scale the anchors are on.</summary>
    private double Map(double raw, double shift)
    {
        if (double.IsNaN(raw) || double.IsPositiveInfinity(raw))
        {
            return 1; // a model that cannot place a record at all treats it as maximally unusual
        }

        var at = (LogScale ? (raw > 0 ? Math.Log(raw) : double.NegativeInfinity) : raw) + shift;
        if (at <= RawAnchors[0])
        {
            if (Spread > 0)
            {
                // Below the typical record the score halves towards 0 every σ; a raw score of 0 on a log scale is 0.
                return double.IsNegativeInfinity(at) ? 0 : ScoreAnchors[0] * Math.Pow(2, (at - RawAnchors[0]) / Spread);
            }

            return ScoreAnchors[0];
        }

        for (var i = 1; i < RawAnchors.Length; i++)
        {
            if (at <= RawAnchors[i])
            {
                var t = (at - RawAnchors[i - 1]) / (RawAnchors[i] - RawAnchors[i - 1]);
                return ScoreAnchors[i - 1] + (t * (ScoreAnchors[i] - ScoreAnchors[i - 1]));
            }
        }

        var top = ScoreAnchors[^1];
        var units = (at - RawAnchors[^1]) / TailUnit;
        return top + ((1 - top) * (1 - Math.Pow(2, -units)));
    }

    /// <summary>The 0…1 scores of many records, on all cores for a large file (each record's score is its own).</summary>
    public double[] Normalise(double[] raw, double[]? evidence = null)
    {
        var scores = new double[raw.Length];
        const int Chunk = 1 << 15;
        if (raw.Length <= 2 * Chunk)
        {
            NormaliseRange(raw, evidence, scores, 0, raw.Length);
        }
        else
        {
            Parallel.For(0, (raw.Length + Chunk - 1) / Chunk, chunk =>
                NormaliseRange(raw, evidence, scores, chunk * Chunk, Math.Min(raw.Length, (chunk + 1) * Chunk)));
        }

        return scores;
    }

    private void NormaliseRange(double[] raw, double[]? evidence, double[] scores, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            scores[i] = evidence is null ? Normalise(raw[i]) : Normalise(raw[i], evidence[i]);
        }
    }
}

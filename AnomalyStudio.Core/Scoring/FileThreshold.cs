using System.Globalization;

namespace AnomalyStudio.Core.Scoring;

/// <summary>
/// Chooses, from a file's own distances (robust standard deviations above its typical record, evidence included), the
/// distance from which its records are flagged. Two shapes of file call for two rules:
/// <list type="bullet">
/// <item>Records that repeat (log lines of a few templates, requests to a few pages, categorical tables): most distances
/// are shared by many records, and a cluster of a rarer kind of record is not an anomaly by itself (a one-off cron
/// message, an uncommon page). Such a file is flagged from the fixed robust distance <see cref="CalibrationOptions.LowZ"/>,
/// which keeps quiet logs quiet; evidence (levels, attack tokens, statuses) moves a record across it.</item>
/// <item>Continuous measurements (nearly every distance distinct): a detector's scores are compressed there, so the fixed
/// distance is rarely reached even by obvious outliers. The records above the median are split in two by Otsu's method
/// (the cut that maximises the between-group variance, Otsu 1979), and the upper group is flagged. On the labelled
/// ODDS tables this comes closest to flagging the true number of anomalies of the simple rules tried (MAD and IQR
/// fences, Gaussian mixtures, Otsu on all scores, Kittler–Illingworth, a knee, PyThresh's FILTER); it is capped at
/// <see cref="CalibrationOptions.LowZ"/>, so a continuous file is never flagged less than the fixed rule would.</item>
/// </list>
/// The rules read a deterministic stride sample of at most <see cref="SampleSize"/> distances, so a million-record file
/// costs a sort of 65,536 numbers.
/// </summary>
public static class FileThreshold
{
    /// <summary>A file whose distinct distances are fewer than this share of its records is a file of repeating records.</summary>
    public const double ContinuousShare = 0.5;

    public const int SampleSize = 65_536;

    /// <summary>
    /// The exponent of the upper group's share in the split's criterion w₀·w₁^0.8·(μ₀ − μ₁)². Plain Otsu (1) favours two
    /// groups of similar size; anomalies are the minority, and a weight below 1 leans the cut towards a smaller upper
    /// group. On the shared ODDS tables the median F1 at the flag over the best F1 is flat between 0.8 and 0.9 for
    /// both detectors, and a table of pure noise is flagged less (about 12 % instead of 16 % with the forest).
    /// </summary>
    public const double UpperWeight = 0.8;

    /// <summary>The lowest distance a split may choose: a quarter σ above the typical record.</summary>
    public const double MinimumDistance = 0.25;

    /// <summary>
    /// The flag threshold of a file scored against itself. <paramref name="distances"/> are per record (NaN and infinities
    /// are ignored); the threshold's <see cref="FlagThreshold.Score"/> is <paramref name="thresholds"/>' low bound, where a
    /// calibration rebased on the chosen distance (<see cref="ScoreCalibration.Rebased"/>) puts it.
    /// </summary>
    public static FlagThreshold Choose(IReadOnlyList<double> distances, CalibrationOptions options, SeverityThresholds thresholds)
    {
        var sample = Sample(distances);
        var fixedRule = new FlagThreshold(thresholds.Low, ThresholdMethod.Distance, string.Empty, options.LowZ);
        if (sample.Length < 2)
        {
            return fixedRule with { Reason = FixedReason(options.LowZ, "the file has too few records to split") };
        }

        DoubleSort.Sort(sample);
        var distinct = CountDistinct(sample);
        if (distinct < ContinuousShare * sample.Length)
        {
            var share = 100.0 * distinct / sample.Length;
            return fixedRule with
            {
                Reason = FixedReason(options.LowZ, string.Create(CultureInfo.InvariantCulture,
                    $"the file's records repeat (only {share:0.#} % of the scores are distinct), so a rarer kind of record is not unusual by itself")),
            };
        }

        var cut = UpperHalfSplit(sample);
        if (cut is not { } split)
        {
            return fixedRule with { Reason = FixedReason(options.LowZ, "the upper half of its scores has too few distinct values to split") };
        }

        var distance = Math.Min(Math.Max(split, MinimumDistance), options.LowZ);
        var reason = split >= options.LowZ
            ? string.Create(CultureInfo.InvariantCulture,
                $"The scores split into a main body and an upper group beyond {options.LowZ:0.0#} robust σ, so everything from {options.LowZ:0.0#} σ above the typical record is flagged.")
            : string.Create(CultureInfo.InvariantCulture,
                $"The scores split into a main body and an upper group from {distance:0.00} robust σ above the typical record (a split of the upper half by Otsu's method); the upper group is flagged.");
        return new FlagThreshold(thresholds.Low, ThresholdMethod.Split, reason, distance);
    }

    /// <summary>The flag threshold when the file is not its own baseline (a pretrained model): the fixed distance from the model's baseline.</summary>
    public static FlagThreshold OfBaseline(CalibrationOptions options, SeverityThresholds thresholds) =>
        new(thresholds.Low, ThresholdMethod.Distance,
            string.Create(CultureInfo.InvariantCulture, $"Records {options.LowZ:0.0#} robust σ or more above the pretrained baseline's typical record are flagged (the file is too small to be its own baseline)."),
            options.LowZ);

    /// <summary>
    /// Otsu's cut of the values above the median (sorted ascending): the first value of the upper group that maximises the
    /// between-group variance w₀·w₁^<see cref="UpperWeight"/>·(μ₀ − μ₁)², cutting only between distinct values; null when
    /// there are too few to split.
    /// </summary>
    internal static double? UpperHalfSplit(double[] sorted)
    {
        var median = sorted[sorted.Length / 2];
        var start = Array.FindIndex(sorted, v => v > median);
        if (start < 0 || sorted.Length - start < 10)
        {
            return null;
        }

        var n = sorted.Length - start;
        double total = 0;
        for (var i = start; i < sorted.Length; i++)
        {
            total += sorted[i];
        }

        double below = 0, best = -1;
        double? cut = null;
        for (var k = 1; k < n; k++)
        {
            below += sorted[start + k - 1];
            if (sorted[start + k] == sorted[start + k - 1])
            {
                continue;
            }

            var w0 = (double)k / n;
            var gap = (below / k) - ((total - below) / (n - k));
            var variance = w0 * Math.Pow(1 - w0, UpperWeight) * gap * gap;
            if (variance > best)
            {
                best = variance;
                cut = sorted[start + k];
            }
        }

        return cut;
    }

    private static string FixedReason(double lowZ, string why) =>
        string.Create(CultureInfo.InvariantCulture, $"Records {lowZ:0.0#} robust σ or more above the typical record are flagged: {why}.");

    private static double[] Sample(IReadOnlyList<double> distances)
    {
        var stride = Math.Max(1, (distances.Count + SampleSize - 1) / SampleSize);
        var sample = new List<double>(Math.Min(distances.Count, SampleSize));
        for (var i = 0; i < distances.Count; i += stride)
        {
            if (double.IsFinite(distances[i]))
            {
                sample.Add(distances[i]);
            }
        }

        return [.. sample];
    }

    private static int CountDistinct(double[] sorted)
    {
        var distinct = sorted.Length == 0 ? 0 : 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            distinct += sorted[i] != sorted[i - 1] ? 1 : 0;
        }

        return distinct;
    }
}

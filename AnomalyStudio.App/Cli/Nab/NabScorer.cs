namespace AnomalyStudio.App.Cli.Nab;

/// <summary>
/// The Numenta Anomaly Benchmark's score of one series' detections under a cost profile, as NAB's published rules define
/// it (Lavin &amp; Ahmad 2015, arXiv 1510.03336, and the NAB whitepaper), written from the rules rather than NAB's code:
/// <list type="bullet">
/// <item>The first <see cref="ProbationShare"/> of the rows (at most 15 % of 5,000) is a probationary period: a detection
/// there counts for nothing, and a window wholly inside it is not scored.</item>
/// <item>A window is worth its earliest detection, weighted by the scaled sigmoid σ(y) = 2/(1 + e^{5y}) − 1 of the
/// detection's relative position y = −(right − i + 1)/width (−1 at the window's first row, 0 just past its last), divided
/// by σ(−1) so the earliest possible detection earns exactly A_TP. A window with no detection costs A_FN.</item>
/// <item>Every detection outside all windows costs A_FP × σ(y), y its distance past the end of the preceding window in
/// units of that window's width − 1 (so one just after a window is cheap, one far beyond costs the full A_FP; σ is −1
/// from y ≥ 3); a detection before any window costs the full A_FP.</item>
/// </list>
/// A corpus is normalised as NAB does: 100 × (raw − null) / (perfect − null), where the null detector never fires and the
/// perfect one fires once at each window's first scorable row.
/// </summary>
public static class NabScorer
{
    public const double ProbationShare = 0.15;

    /// <summary>The rows of the probationary period of a series of <paramref name="rows"/> rows.</summary>
    public static int ProbationRows(int rows) => (int)Math.Min(Math.Floor(ProbationShare * rows), ProbationShare * 5000);

    /// <summary>The scaled sigmoid of a relative position: 0.987 at −1, 0 at 0, −0.987 at 1, −1 from 3 on.</summary>
    public static double ScaledSigmoid(double position) =>
        position >= 3 ? -1 : (2 / (1 + Math.Exp(5 * position))) - 1;

    /// <summary>Scores one series' detections (one flag per row, rows in time order) against its windows (row index ranges, inclusive).</summary>
    public static NabSeriesScore Score(IReadOnlyList<bool> detections, IReadOnlyList<(int Start, int End)> windows, NabProfile profile)
    {
        var rows = detections.Count;
        var probation = ProbationRows(rows);
        var scored = windows.Where(w => w.End >= probation).OrderBy(w => w.Start).ToList();
        var best = new double?[scored.Count];
        double falsePositives = 0;
        int flags = 0, outside = 0;
        for (var i = probation; i < rows; i++)
        {
            if (!detections[i])
            {
                continue;
            }

            flags++;
            var inside = scored.FindIndex(w => i >= w.Start && i <= w.End);
            if (inside >= 0)
            {
                var (start, end) = scored[inside];
                var width = end - start + 1.0;
                var value = profile.TruePositive * ScaledSigmoid(-(end - i + 1) / width) / ScaledSigmoid(-1);
                best[inside] = Math.Max(best[inside] ?? double.MinValue, value);
                continue;
            }

            outside++;
            var previous = scored.FindLastIndex(w => w.End < i);
            if (previous < 0)
            {
                falsePositives -= profile.FalsePositive;
            }
            else
            {
                var (start, end) = scored[previous];
                var width = end - start + 1.0;
                falsePositives += profile.FalsePositive * ScaledSigmoid(width <= 1 ? 3 : (i - end) / (width - 1));
            }
        }

        var raw = falsePositives + best.Sum(b => b ?? -profile.FalseNegative);
        var perfect = scored.Sum(w =>
        {
            var first = Math.Max(w.Start, probation);
            return profile.TruePositive * ScaledSigmoid(-(w.End - first + 1) / (w.End - w.Start + 1.0)) / ScaledSigmoid(-1);
        });
        return new NabSeriesScore(raw, -profile.FalseNegative * scored.Count, perfect, scored.Count, best.Count(b => b is not null), flags, outside);
    }

    /// <summary>NAB's normalised score of a corpus: 100 for the perfect detector, 0 for the one that never fires.</summary>
    public static double Normalised(IEnumerable<NabSeriesScore> series)
    {
        double raw = 0, nul = 0, perfect = 0;
        foreach (var s in series)
        {
            raw += s.Raw;
            nul += s.Null;
            perfect += s.Perfect;
        }

        return perfect == nul ? 0 : 100 * (raw - nul) / (perfect - nul);
    }
}

/// <summary>A NAB cost profile: what a true positive earns and a false positive and a missed window cost (all positive numbers).</summary>
public sealed record NabProfile(double TruePositive, double FalsePositive, double FalseNegative)
{
    /// <summary>NAB's standard profile: A_TP = 1, A_FP = 0.11, A_FN = 1.</summary>
    public static NabProfile Standard { get; } = new(1, 0.11, 1);
}

/// <summary>One series' NAB figures: its raw score, the null and perfect detectors' raw scores, windows scored and hit, flags and flags outside every window (after the probationary period).</summary>
public sealed record NabSeriesScore(double Raw, double Null, double Perfect, int Windows, int WindowsHit, int Flags, int FlagsOutside)
{
    /// <summary>This series alone, normalised as the corpus is; null when it has no scored window.</summary>
    public double? Normalised => Perfect == Null ? null : 100 * (Raw - Null) / (Perfect - Null);
}

using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Tests.Core.Scoring;

public sealed class RobustCalibrationTests
{
    private static readonly SeverityThresholds Thresholds = SeverityThresholds.IsolationForestDefaults;

    private static double[] Normal(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => Math.Exp(-0.9 + (0.05 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))).ToArray();
    }

    [Fact]
    public void Sets_no_quota_an_ordinary_baseline_is_almost_all_below_low()
    {
        var baseline = Normal(20_000, 1);
        var calibration = ScoreCalibration.Robust(baseline, new CalibrationOptions(), Thresholds);

        var flagged = baseline.Count(s => Thresholds.Classify(calibration.Normalise(s)) != Severity.Normal);

        Assert.True(flagged < 20, $"{flagged} of 20,000 ordinary records flagged"); // z ≥ 3.5: about 5 in 20,000
    }

    [Fact]
    public void Maps_distances_in_robust_sigmas_to_the_severity_bands()
    {
        var baseline = Normal(20_000, 2);
        var calibration = ScoreCalibration.Robust(baseline, new CalibrationOptions(), Thresholds);
        var median = Math.Log(baseline.Order().ElementAt(10_000));

        Severity At(double z) => Thresholds.Classify(calibration.Normalise(Math.Exp(median + (z * calibration.Spread))));

        Assert.Equal(Severity.Normal, At(3.4));
        Assert.Equal(Severity.Low, At(3.6));
        Assert.Equal(Severity.Medium, At(4.6));
        Assert.Equal(Severity.High, At(6.1));
        Assert.Equal(Severity.Critical, At(8.1));
        Assert.True(calibration.LogScale);
    }

    [Fact]
    public void Keeps_the_whole_order_below_the_typical_record_and_never_reaches_0_or_1()
    {
        var calibration = ScoreCalibration.Robust(Normal(5_000, 3), new CalibrationOptions(), Thresholds);
        double[] raw = [0.05, 0.2, 0.3, 0.4, 0.6, 0.8, 0.99];

        var scores = calibration.Normalise(raw);

        Assert.Equal(scores.Order(), scores);
        Assert.Equal(scores.Length, scores.Distinct().Count());
        Assert.All(scores, s => Assert.InRange(s, double.Epsilon, 1 - 1e-12));
    }

    [Fact]
    public void Evidence_adds_robust_sigmas_to_a_records_distance()
    {
        var calibration = ScoreCalibration.Robust(Normal(5_000, 4), new CalibrationOptions(), Thresholds);
        var typical = 0.4066; // e^-0.9, the baseline's median

        Assert.Equal(Severity.Normal, Thresholds.Classify(calibration.Normalise(typical)));
        Assert.Equal(Severity.Normal, Thresholds.Classify(calibration.Normalise(typical, EvidencePrior.OfLevel(3)))); // ERROR: +2
        Assert.Equal(Severity.Low, Thresholds.Classify(calibration.Normalise(typical, EvidencePrior.OfLevel(4) + EvidencePrior.OfAlarmWords(1)))); // FATAL and 'failed': +3.5
        Assert.Equal(calibration.Normalise(typical), calibration.Normalise(typical, 0));
    }

    [Fact]
    public void A_quota_calibration_ignores_evidence()
    {
        var calibration = ScoreCalibration.Fit(Normal(5_000, 5), 0.1, Thresholds);

        Assert.Equal(calibration.Normalise(0.45), calibration.Normalise(0.45, 3));
    }

    [Fact]
    public void Evidence_grows_with_each_tenfold_of_size_and_each_token_and_stops_at_its_caps()
    {
        Assert.Equal(0, EvidencePrior.OfResponseSize(50_000, 10_000)); // 5× the median
        Assert.Equal(1, EvidencePrior.OfResponseSize(1_000_000, 10_000), 9); // 100×
        Assert.Equal(EvidencePrior.MaxSize, EvidencePrior.OfResponseSize(60_000_000_000, 10_000));
        Assert.Equal(0, EvidencePrior.OfPayload(1));
        Assert.Equal(2, EvidencePrior.OfPayload(3));
        Assert.Equal(EvidencePrior.MaxPayload, EvidencePrior.OfPayload(20));
    }

    [Fact]
    public void A_zero_score_among_positive_ones_keeps_the_log_scale_and_scores_lowest()
    {
        double[] baseline = [.. Normal(1_000, 6), 0];
        var calibration = ScoreCalibration.Robust(baseline, new CalibrationOptions(), Thresholds);

        Assert.True(calibration.LogScale);
        Assert.Equal(0, calibration.Normalise(0));
        Assert.True(calibration.Normalise(0.01) > 0);
    }

    [Fact]
    public void Distance_is_the_robust_sigmas_above_the_typical_record_plus_evidence()
    {
        var baseline = Normal(20_000, 5);
        var calibration = ScoreCalibration.Robust(baseline, new CalibrationOptions(), Thresholds);
        var median = Math.Log(baseline.Order().ElementAt(10_000));
        var raw = Math.Exp(median + (2.5 * calibration.Spread));

        Assert.Equal(2.5, calibration.Distance(raw, 0), 3);
        Assert.Equal(4.5, calibration.Distance(raw, 2), 3);
        Assert.Equal(Severity.Medium, Thresholds.Classify(calibration.Normalise(raw, 2)));
        Assert.Equal(double.PositiveInfinity, calibration.Distance(double.NaN, 0));
    }

    [Fact]
    public void Rebasing_moves_only_low_and_keeps_every_order_and_the_other_bands()
    {
        var baseline = Normal(20_000, 6);
        var calibration = ScoreCalibration.Robust(baseline, new CalibrationOptions(), Thresholds);
        var rebased = calibration.Rebased(1.2);
        var median = Math.Log(baseline.Order().ElementAt(10_000));
        double At(ScoreCalibration c, double z) => c.Normalise(Math.Exp(median + (z * calibration.Spread)));

        Assert.Equal(Thresholds.Low, At(rebased, 1.2), 4);
        Assert.Equal(Severity.Normal, Thresholds.Classify(At(rebased, 1.1)));
        Assert.Equal(Severity.Low, Thresholds.Classify(At(rebased, 1.3)));
        Assert.Equal(At(calibration, 4.6), At(rebased, 4.6));
        Assert.Equal(At(calibration, -1), At(rebased, -1));
        var zs = Enumerable.Range(-20, 120).Select(i => i / 10.0).ToArray();
        var scores = zs.Select(z => At(rebased, z)).ToArray();
        Assert.Equal(scores.Order(), scores);
        Assert.Throws<ArgumentOutOfRangeException>(() => calibration.Rebased(5));
        Assert.Throws<InvalidOperationException>(() => ScoreCalibration.Fit(baseline, 0.1, Thresholds).Rebased(1));
    }
}


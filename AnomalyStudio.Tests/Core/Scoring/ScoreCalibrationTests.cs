using AnomalyStudio.Core.Detection.IsolationForest;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Scoring;

public sealed class ScoreCalibrationTests
{
    private static readonly SeverityThresholds Thresholds = SeverityThresholds.IsolationForestDefaults;

    private static readonly double Low = Thresholds.Low;

    /// <summary>Raw isolation-forest scores of the real thyroid table (fit and score on the whole file, seed 0).</summary>
    private static readonly Lazy<double[]> ThyroidScores = new(() =>
    {
        var features = TestData.NumericFeatures(TestData.ReadTabular("thyroid"));
        return new IsolationForestDetector(new IsolationForestOptions { Seed = 0 }).Fit(features).Score(features);
    });

    /// <summary>10,000 standard normal draws (Box–Muller from a seeded generator): a clean training set.</summary>
    private static double[] Normal()
    {
        var random = new Random(7);
        return Enumerable.Range(0, 10_000).Select(_ =>
        {
            var u1 = 1 - random.NextDouble();
            var u2 = random.NextDouble();
            return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }).ToArray();
    }

    [Fact]
    public void Is_monotone_and_maps_into_zero_one()
    {
        var scores = ThyroidScores.Value;
        var calibration = ScoreCalibration.Fit(scores, 0.1, Thresholds);
        var min = scores.Min() - 0.2;
        var max = scores.Max() + 0.5;

        var previous = double.NegativeInfinity;
        for (var i = 0; i <= 10_000; i++)
        {
            var normalised = calibration.Normalise(min + ((max - min) * i / 10_000));
            Assert.InRange(normalised, 0, 1);
            Assert.True(normalised >= previous, $"not monotone at step {i}");
            previous = normalised;
        }

        Assert.Equal(0, calibration.Normalise(double.NegativeInfinity));
        Assert.Equal(1, calibration.Normalise(double.PositiveInfinity));
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.05)]
    [InlineData(0.1)]
    [InlineData(0.2)]
    [InlineData(0.3)]
    public void About_the_contamination_share_of_training_scores_reach_the_low_threshold(double contamination)
    {
        var scores = ThyroidScores.Value;
        var calibration = ScoreCalibration.Fit(scores, contamination, Thresholds);

        var share = calibration.Normalise(scores).Count(s => s >= Low) / (double)scores.Length;

        Assert.InRange(share, contamination - 0.002, contamination + 0.002);
    }

    [Fact]
    public void Maps_the_training_quantiles_to_the_severity_thresholds()
    {
        var scores = Enumerable.Range(0, 1001).Select(i => (double)i).ToArray();
        var calibration = ScoreCalibration.Fit(scores, 0.1, Thresholds);

        // Anchors: minimum, the 90%, 95% and 98% quantiles (within one step, whatever the quantile definition) and the maximum.
        var raw = calibration.RawAnchors;
        Assert.Equal(0, raw[0]);
        Assert.InRange(raw[1], 899, 901);
        Assert.InRange(raw[2], 949, 951);
        Assert.InRange(raw[3], 979, 981);
        Assert.Equal(1000, raw[4]);
        Assert.Equal([0, Thresholds.Low, Thresholds.Medium, Thresholds.High, (Thresholds.High + Thresholds.Critical) / 2], calibration.ScoreAnchors);
        Assert.Equal(0, calibration.Normalise(-50));
        Assert.Equal(Low / 2, calibration.Normalise(raw[1] / 2), 1e-12);
        Assert.Equal(Low, calibration.Normalise(raw[1]), 1e-12);
        Assert.Equal((Thresholds.Low + Thresholds.Medium) / 2, calibration.Normalise((raw[1] + raw[2]) / 2), 1e-12);
        Assert.Equal(Thresholds.High, calibration.Normalise(raw[3]), 1e-12);

        // Beyond the maximum every further unit (the high band's raw width) halves the distance to 1.
        var top = (Thresholds.High + Thresholds.Critical) / 2;
        Assert.Equal(raw[4] - raw[3], calibration.TailUnit, 1e-9);
        Assert.Equal(top + ((1 - top) / 2), calibration.Normalise(raw[4] + calibration.TailUnit), 1e-12);
        Assert.Equal(Severity.Critical, Thresholds.Classify(calibration.Normalise(raw[4] + calibration.TailUnit)));
        Assert.Equal(Severity.High, Thresholds.Classify(calibration.Normalise(raw[4])));
    }

    [Fact]
    public void Normalises_a_record_independently_of_the_others()
    {
        var calibration = ScoreCalibration.Fit(ThyroidScores.Value, 0.1, Thresholds);
        double[] alone = [0.5];
        double[] withOthers = [0.9, 0.5, 0.3, 10];

        Assert.Equal(calibration.Normalise(0.5), calibration.Normalise(alone)[0]);
        Assert.Equal(calibration.Normalise(0.5), calibration.Normalise(withOthers)[1]);
        Assert.Equal(withOthers.Select(v => calibration.Normalise(v)), calibration.Normalise(withOthers));
    }

    [Fact]
    public void Does_not_map_the_training_maximum_of_clean_data_to_critical()
    {
        var scores = Normal();
        var calibration = ScoreCalibration.Fit(scores, 0.1, Thresholds);
        var thresholds = SeverityThresholds.IsolationForestDefaults;

        var top = calibration.Normalise(scores.Max());

        Assert.True(top < thresholds.Critical, $"max maps to {top}");
        Assert.True(top > Low);
        Assert.DoesNotContain(Severity.Critical, calibration.Normalise(scores).Select(thresholds.Classify));
        // Far beyond the training distribution the score does approach 1.
        Assert.Equal(Severity.Critical, thresholds.Classify(calibration.Normalise(scores.Max() + 10)));
    }

    [Fact]
    public void Maps_nan_to_one()
    {
        var calibration = ScoreCalibration.Fit(ThyroidScores.Value, 0.1, Thresholds);

        Assert.Equal(1, calibration.Normalise(double.NaN));
    }

    [Fact]
    public void Ignores_non_finite_training_scores()
    {
        double[] finite = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        var withInfinities = ScoreCalibration.Fit([.. finite, double.PositiveInfinity, double.NaN], 0.1, Thresholds);

        var expected = ScoreCalibration.Fit(finite, 0.1, Thresholds);
        Assert.Equal(expected.RawAnchors, withInfinities.RawAnchors);
        Assert.Equal(expected.TailUnit, withInfinities.TailUnit);
    }

    [Fact]
    public void Keeps_the_anchors_ordered_when_every_training_score_is_equal()
    {
        var calibration = ScoreCalibration.Fit([0.5, 0.5, 0.5, 0.5], 0.1, Thresholds);

        Assert.All(calibration.RawAnchors.Zip(calibration.RawAnchors.Skip(1)), pair => Assert.True(pair.First < pair.Second));
        Assert.Equal(0, calibration.Normalise(0.5));
        Assert.True(calibration.Normalise(0.6) > Low);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Rejects_a_contamination_outside_zero_to_one_half(double contamination)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreCalibration.Fit([1, 2, 3], contamination, Thresholds));
    }

    [Fact]
    public void Rejects_training_scores_without_a_finite_value()
    {
        Assert.Throws<ArgumentException>(() => ScoreCalibration.Fit([], 0.1, Thresholds));
        Assert.Throws<ArgumentException>(() => ScoreCalibration.Fit([double.NaN, double.PositiveInfinity], 0.1, Thresholds));
    }
}

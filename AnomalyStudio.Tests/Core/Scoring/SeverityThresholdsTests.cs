using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Tests.Core.Scoring;

public sealed class SeverityThresholdsTests
{
    public static TheoryData<double, Severity> IsolationForestBoundaries => new()
    {
        { 0, Severity.Normal },
        { Math.BitDecrement(0.45), Severity.Normal },
        { 0.45, Severity.Low },
        { Math.BitDecrement(0.65), Severity.Low },
        { 0.65, Severity.Medium },
        { Math.BitDecrement(0.85), Severity.Medium },
        { 0.85, Severity.High },
        { Math.BitDecrement(0.95), Severity.High },
        { 0.95, Severity.Critical },
        { 1, Severity.Critical },
    };

    [Theory]
    [MemberData(nameof(IsolationForestBoundaries))]
    public void Classifies_a_score_at_a_band_boundary_into_the_band_above(double score, Severity severity)
    {
        Assert.Equal(severity, SeverityThresholds.IsolationForestDefaults.Classify(score));
    }

    [Fact]
    public void Both_models_share_the_default_bands_since_they_share_one_calibration()
    {
        Assert.Equal(SeverityThresholds.IsolationForestDefaults, SeverityThresholds.AutoencoderDefaults);
    }

    [Fact]
    public void Gives_the_lower_bound_of_each_band()
    {
        var thresholds = new SeverityThresholds(0.9, 0.8, 0.7, 0.6);

        Assert.Equal(
            [0, 0.6, 0.7, 0.8, 0.9],
            new[] { Severity.Normal, Severity.Low, Severity.Medium, Severity.High, Severity.Critical }.Select(thresholds.LowerBound));
        Assert.All(
            Enum.GetValues<Severity>(),
            severity => Assert.Equal(severity, thresholds.Classify(thresholds.LowerBound(severity))));
    }

    [Fact]
    public void Validate_accepts_the_defaults_and_returns_them()
    {
        Assert.Same(SeverityThresholds.IsolationForestDefaults, SeverityThresholds.IsolationForestDefaults.Validate("iforest"));
        Assert.Same(SeverityThresholds.AutoencoderDefaults, SeverityThresholds.AutoencoderDefaults.Validate("autoencoder"));
        Assert.NotNull(new SeverityThresholds(1, 0.9, 0.8, 0.01).Validate("edge"));
    }

    [Theory]
    [InlineData(0.95, 0.85, 0.85, 0.45)]
    [InlineData(0.95, 0.65, 0.85, 0.45)]
    [InlineData(0.45, 0.65, 0.85, 0.95)]
    [InlineData(0.95, 0.85, 0.65, 0)]
    [InlineData(0.95, 0.85, 0.65, -0.1)]
    [InlineData(1.01, 0.85, 0.65, 0.45)]
    [InlineData(0.95, 0.95, 0.65, 0.45)]
    [InlineData(0.95, 0.85, 0.65, double.NaN)]
    public void Validate_rejects_thresholds_that_do_not_rise_strictly_within_zero_one(double critical, double high, double medium, double low)
    {
        var error = Assert.Throws<ArgumentException>(() => new SeverityThresholds(critical, high, medium, low).Validate("iforest"));

        Assert.Contains("iforest", error.Message, StringComparison.Ordinal);
        Assert.Contains($"low {low}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"critical {critical}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.29, 0.3, Severity.Normal)]
    [InlineData(0.30, 0.3, Severity.Low)]
    [InlineData(0.60, 0.3, Severity.Low)]
    [InlineData(0.70, 0.3, Severity.Medium)]
    [InlineData(0.96, 0.3, Severity.Critical)]
    [InlineData(0.50, 0.7, Severity.Normal)]
    [InlineData(0.72, 0.7, Severity.Medium)]
    [InlineData(0.90, 0.7, Severity.High)]
    public void A_moved_flag_decides_what_is_flagged_and_the_bands_decide_how_severe(double score, double flagAt, Severity severity)
    {
        Assert.Equal(severity, SeverityThresholds.IsolationForestDefaults.ClassifyFrom(score, flagAt));
    }

    [Fact]
    public void The_flag_at_the_low_bound_classifies_as_the_bands_alone()
    {
        var bands = SeverityThresholds.IsolationForestDefaults;
        foreach (var score in Enumerable.Range(0, 101).Select(i => i / 100.0))
        {
            Assert.Equal(bands.Classify(score), bands.ClassifyFrom(score, bands.Low));
        }
    }
}


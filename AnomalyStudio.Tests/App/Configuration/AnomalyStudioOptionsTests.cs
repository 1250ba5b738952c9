using AnomalyStudio.App.Configuration;

namespace AnomalyStudio.Tests.App.Configuration;

/// <summary>The decompression limit travels from the settings to the parsers and is validated with the others.</summary>
public sealed class AnomalyStudioOptionsTests
{
    [Fact]
    public void The_decompression_limit_defaults_to_one_gibibyte_and_reaches_the_parse_limits()
    {
        Assert.Equal(1L << 30, new AnomalyStudioOptions().ToPipelineOptions().Limits.MaxDecompressedBytes);
        Assert.Equal(12_345, new AnomalyStudioOptions { MaxDecompressedBytes = 12_345 }.ToPipelineOptions().Limits.MaxDecompressedBytes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_decompression_limit_that_is_not_positive_is_refused_with_the_setting_named(long value)
    {
        var result = new AnomalyStudioOptionsValidator().Validate(null, new AnomalyStudioOptions { MaxDecompressedBytes = value });

        Assert.True(result.Failed);
        Assert.Contains($"AnomalyStudio:MaxDecompressedBytes ({value}) must be positive.", result.FailureMessage, StringComparison.Ordinal);
    }
}

using AnomalyStudio.App.Configuration;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Detection.Autoencoder;
using AnomalyStudio.Core.Detection.IsolationForest;
using AnomalyStudio.Core.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    [Fact]
    public void A_gzip_input_may_expand_at_any_ratio_up_to_the_upload_limit_and_past_it_at_most_the_configured_ratio()
    {
        var limits = new AnomalyStudioOptions { MaxUploadBytes = 5_000_000, MaxExpansionRatio = 40 }.ToPipelineOptions().Limits;

        Assert.Equal(5_000_000, limits.ExpansionCheckedAfterBytes);
        Assert.Equal(40, limits.MaxExpansionRatio);
        Assert.Equal(100, new AnomalyStudioOptions().ToPipelineOptions().Limits.MaxExpansionRatio);
        Assert.Contains("setting AnomalyStudio:MaxExpansionRatio = '0' is invalid: it must be a whole number, at least 1.",
            new AnomalyStudioOptionsValidator().Validate(null, new AnomalyStudioOptions { MaxExpansionRatio = 0 }).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_decompression_limit_that_is_not_positive_is_refused_with_the_setting_named(long value)
    {
        var result = new AnomalyStudioOptionsValidator().Validate(null, new AnomalyStudioOptions { MaxDecompressedBytes = value });

        Assert.True(result.Failed);
        Assert.Contains($"setting AnomalyStudio:MaxDecompressedBytes = '{value}' is invalid: it must be a whole number of bytes, at least 1.", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_for_more_than_one_server_are_checked_at_start_up_with_the_setting_named()
    {
        static string? Failure(AnomalyStudioOptions options) => new AnomalyStudioOptionsValidator().Validate(null, options).FailureMessage;

        Assert.Null(Failure(new AnomalyStudioOptions { Redis = "127.0.0.1:6379,password=secret", InstanceName = "a-1", AffinityCookie = "anomalystudio_affinity", KnownProxies = ["10.0.0.5", "::1"] }));
        Assert.Contains("setting AnomalyStudio:KnownProxies = 'proxy.example' is invalid: each must be an IP address", Failure(new AnomalyStudioOptions { KnownProxies = ["proxy.example"] }), StringComparison.Ordinal);
        Assert.Contains("setting AnomalyStudio:InstanceName = 'a b' is invalid", Failure(new AnomalyStudioOptions { InstanceName = "a b" }), StringComparison.Ordinal);
        Assert.Contains("setting AnomalyStudio:AffinityCookie = 'x;y' is invalid", Failure(new AnomalyStudioOptions { AffinityCookie = "x;y" }), StringComparison.Ordinal);
        Assert.Contains("setting AnomalyStudio:Redis = '127.0.0.1:6379,connectTimeout=soon' is invalid: it must be a Redis configuration string", Failure(new AnomalyStudioOptions { Redis = "127.0.0.1:6379,connectTimeout=soon" }), StringComparison.Ordinal);
        Assert.Contains("setting AnomalyStudio:RedisKeyPrefix = '' is invalid: it must not be empty", Failure(new AnomalyStudioOptions { Redis = "127.0.0.1:6379", RedisKeyPrefix = "" }), StringComparison.Ordinal);
    }
}

/// <summary>Detector settings are bound from the sections their registrations name, over the defaults of their options records.</summary>
public sealed class DetectorSettingsTests
{
    private static DetectorCatalog CatalogFrom(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddAnomalyStudioOptions(configuration).AddAnomalyStudioCore();
        return services.BuildServiceProvider().GetRequiredService<DetectorCatalog>();
    }

    [Fact]
    public void A_setting_given_changes_only_itself_and_the_rest_keep_the_options_records_defaults()
    {
        var catalog = CatalogFrom(new()
        {
            ["AnomalyStudio:Autoencoder:Epochs"] = "5",
            ["AnomalyStudio:IsolationForest:Thresholds:Critical"] = "0.9",
        });

        var autoencoder = (AutoencoderDetector)catalog.Create(DetectorNames.Autoencoder);
        Assert.Equal(new AutoencoderOptions() with { Epochs = 5 }, autoencoder.Options);
        Assert.Equal(SeverityThresholds.IsolationForestDefaults with { Critical = 0.9 }, catalog.Thresholds(DetectorNames.IsolationForest));
        Assert.Equal(SeverityThresholds.AutoencoderDefaults, catalog.Thresholds(DetectorNames.Autoencoder));
        Assert.Equal(new IsolationForestOptions(), ((IsolationForestDetector)catalog.Create("if")).Options);
    }

    [Fact]
    public void An_invalid_detector_setting_is_refused_at_start_up_with_the_setting_named()
    {
        var error = Assert.Throws<OptionsValidationException>(() => CatalogFrom(new() { ["AnomalyStudio:IsolationForest:Trees"] = "0" }));

        Assert.Contains("setting AnomalyStudio:IsolationForest:Trees = '0' is invalid: Trees must be between 1 and 10,000.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("isolation-forest", DetectorNames.IsolationForest)]
    [InlineData(" Isolation_Forest ", DetectorNames.IsolationForest)]
    [InlineData("IF", DetectorNames.IsolationForest)]
    [InlineData("iforest", DetectorNames.IsolationForest)]
    [InlineData("ae", DetectorNames.Autoencoder)]
    [InlineData("auto_encoder", DetectorNames.Autoencoder)]
    [InlineData("", DetectorNames.Default)]
    [InlineData(null, DetectorNames.Default)]
    public void Every_spelling_a_registration_accepts_resolves_to_its_name(string? spelling, string name) =>
        Assert.Equal(name, CatalogFrom([]).Resolve(spelling));
}

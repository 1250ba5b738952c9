using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.App.Configuration;

/// <summary>The autoencoder's settings, bound from <c>AnomalyStudio:Autoencoder</c>.</summary>
public sealed class AutoencoderSettings
{
    public ThresholdSettings Thresholds { get; set; } = ThresholdSettings.From(SeverityThresholds.AutoencoderDefaults);
}

using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.App.Configuration;

/// <summary>The autoencoder's settings, bound from <c>AnomalyStudio:Autoencoder</c>.</summary>
public sealed class AutoencoderSettings
{
    public int Epochs { get; set; } = 50;

    public int BatchSize { get; set; } = 32;

    public double LearningRate { get; set; } = 1e-3;

    /// <summary>At most this many rows are trained on (drawn with the seed).</summary>
    public int MaxTrainingRows { get; set; } = 10_000;

    public ThresholdSettings Thresholds { get; set; } = ThresholdSettings.From(SeverityThresholds.AutoencoderDefaults);
}

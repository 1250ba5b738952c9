using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.App.Configuration;

/// <summary>The autoencoder's settings, bound from <c>AnomalyStudio:Autoencoder</c>.</summary>
public sealed class AutoencoderSettings
{
    public int Epochs { get; set; } = 50;

    public int BatchSize { get; set; } = 256;

    public double LearningRate { get; set; } = 3e-3;

    /// <summary>Decoupled (AdamW) weight decay; see <see cref="Core.Detection.Autoencoder.AutoencoderOptions.WeightDecay"/>.</summary>
    public double WeightDecay { get; set; } = 10;

    /// <summary>Share of the training rows held out to pick the epoch whose weights are kept.</summary>
    public double ValidationFraction { get; set; } = 0.15;

    /// <summary>Training stops after this many epochs without a better held-out loss.</summary>
    public int Patience { get; set; } = 10;

    /// <summary>At most this many rows are trained on (drawn with the seed).</summary>
    public int MaxTrainingRows { get; set; } = 10_000;

    public ThresholdSettings Thresholds { get; set; } = ThresholdSettings.From(SeverityThresholds.AutoencoderDefaults);
}

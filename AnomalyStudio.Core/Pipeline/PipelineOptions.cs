using AnomalyStudio.Core.Detection.Autoencoder;
using AnomalyStudio.Core.Detection.IsolationForest;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>Settings of the detection pipeline; the App binds them from configuration.</summary>
public sealed record PipelineOptions
{
    /// <summary>Seed of every random choice (model fits, generated training data stays on its own fixed seed).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Expected share of anomalies in training data: that share of training records reaches the low threshold.</summary>
    public double Contamination { get; init; } = 0.1;

    public IsolationForestOptions IsolationForest { get; init; } = new();

    public AutoencoderOptions Autoencoder { get; init; } = new();

    public SeverityThresholds IsolationForestThresholds { get; init; } = SeverityThresholds.IsolationForestDefaults;

    public SeverityThresholds AutoencoderThresholds { get; init; } = SeverityThresholds.AutoencoderDefaults;

    public ParseLimits Limits { get; init; } = ParseLimits.Default;

    public PipelineOptions Validate()
    {
        if (!(Contamination > 0 && Contamination < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(Contamination), Contamination, "Contamination must be between 0 and 0.5 (exclusive).");
        }

        IsolationForest.Validate();
        Autoencoder.Validate();
        IsolationForestThresholds.Validate("the isolation forest");
        AutoencoderThresholds.Validate("the autoencoder");
        return this;
    }
}

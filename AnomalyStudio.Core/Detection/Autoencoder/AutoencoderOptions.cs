namespace AnomalyStudio.Core.Detection.Autoencoder;

/// <summary>Autoencoder settings: network N → 32 → 16 → 8 → 16 → 32 → N, Adam on mean squared error.</summary>
public sealed record AutoencoderOptions
{
    public int Epochs { get; init; } = 50;

    public int BatchSize { get; init; } = 32;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>At most this many rows (drawn with the seed) are trained on, so fitting a huge file stays quick.</summary>
    public int MaxTrainingRows { get; init; } = 10_000;

    /// <summary>Seeds the initial weights and the batch order.</summary>
    public int Seed { get; init; } = 42;

    public AutoencoderOptions Validate()
    {
        if (Epochs is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be between 1 and 10,000.");
        }

        if (BatchSize is < 1 or > 65_536)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be between 1 and 65,536.");
        }

        if (!(LearningRate > 0 && LearningRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be between 0 and 1.");
        }

        if (MaxTrainingRows < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTrainingRows), MaxTrainingRows, "MaxTrainingRows must be at least 2.");
        }

        return this;
    }
}

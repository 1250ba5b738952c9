namespace AnomalyStudio.Core.Detection.IsolationForest;

/// <summary>Isolation Forest settings (Liu, Ting &amp; Zhou 2008; scikit-learn's defaults).</summary>
public sealed record IsolationForestOptions
{
    /// <summary>Number of trees (t).</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Rows drawn without replacement for each tree (ψ); all rows when the data has fewer.</summary>
    public int SampleSize { get; init; } = 256;

    /// <summary>Every random choice (subsamples, split features, thresholds) flows from this seed.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Throws with the name and value of the first invalid setting.</summary>
    public IsolationForestOptions Validate()
    {
        if (Trees is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Trees), Trees, "Trees must be between 1 and 10,000.");
        }

        if (SampleSize is < 2 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(SampleSize), SampleSize, "SampleSize must be between 2 and 100,000.");
        }

        return this;
    }
}

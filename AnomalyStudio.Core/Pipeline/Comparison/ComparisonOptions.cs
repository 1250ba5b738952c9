namespace AnomalyStudio.Core.Pipeline.Comparison;

/// <summary>When a difference between two files is reported (the spike explanation's rules, with a smaller share: a file is longer than a spike).</summary>
public sealed record ComparisonOptions
{
    /// <summary>A value must be seen at least this often in the file where it is more common.</summary>
    public int MinCount { get; init; } = 5;

    /// <summary>Family-wise significance level of the G-tests (Bonferroni-corrected over every value tested).</summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>A rate must change at least this many times (up or down).</summary>
    public double MinLift { get; init; } = 2;

    /// <summary>A value must make up at least this share of the file where it is more common.</summary>
    public double MinShare { get; init; } = 0.01;

    /// <summary>At most this many changes per list, and new entities.</summary>
    public int MaxItems { get; init; } = 20;

    public ComparisonOptions Validate()
    {
        if (MinCount < 1 || !(Alpha > 0 && Alpha < 1) || !(MinLift > 1) || !(MinShare >= 0 && MinShare < 1) || MaxItems < 1)
        {
            throw new ArgumentException($"Comparison options out of range: MinCount {MinCount}, Alpha {Alpha}, MinLift {MinLift}, MinShare {MinShare}, MaxItems {MaxItems}.");
        }

        return this;
    }
}

namespace AnomalyStudio.Core.Scoring;

/// <summary>
/// Lower bounds of the severity bands on the normalised 0…1 score. A record at or above <see cref="Low"/> is
/// an anomaly. Defaults per model come from configuration.
/// </summary>
public sealed record SeverityThresholds(double Critical, double High, double Medium, double Low)
{
    public static SeverityThresholds IsolationForestDefaults { get; } = new(0.95, 0.85, 0.65, 0.45);

    public static SeverityThresholds AutoencoderDefaults { get; } = new(0.95, 0.85, 0.65, 0.45);

    public Severity Classify(double score) =>
        score >= Critical ? Severity.Critical
        : score >= High ? Severity.High
        : score >= Medium ? Severity.Medium
        : score >= Low ? Severity.Low
        : Severity.Normal;

    /// <summary>
    /// The severity of a score when records are flagged from <paramref name="flagAt"/> instead of <see cref="Low"/>: below
    /// it normal; from it at least low, or the score's own band when that is higher. A threshold above a band's bound
    /// makes the least of the flagged records that band (flagged from 0.7, a 0.72 is medium).
    /// </summary>
    public Severity ClassifyFrom(double score, double flagAt)
    {
        if (score < flagAt)
        {
            return Severity.Normal;
        }

        var band = Classify(score);
        return band == Severity.Normal ? Severity.Low : band;
    }

    /// <summary>The bound of a band (0 for normal).</summary>
    public double LowerBound(Severity severity) => severity switch
    {
        Severity.Critical => Critical,
        Severity.High => High,
        Severity.Medium => Medium,
        Severity.Low => Low,
        _ => 0,
    };

    /// <summary>Throws unless 0 &lt; low &lt; medium &lt; high &lt; critical ≤ 1, naming the bad value.</summary>
    public SeverityThresholds Validate(string model)
    {
        if (!(Low > 0 && Low < Medium && Medium < High && High < Critical && Critical <= 1))
        {
            throw new ArgumentException(
                $"Severity thresholds of {model} must rise strictly within (0, 1]: low {Low}, medium {Medium}, high {High}, critical {Critical}.");
        }

        return this;
    }
}

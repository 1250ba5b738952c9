namespace AnomalyStudio.Core.Pipeline;

/// <summary>What to run on an input: its name (for messages and the report), the model and the mode.</summary>
public sealed record DetectionRequest
{
    /// <summary>The file's name as the user knows it; never used as a path.</summary>
    public required string FileName { get; init; }

    public string Model { get; init; } = Detection.DetectorNames.IsolationForest;

    public DetectionMode Mode { get; init; } = DetectionMode.Auto;

    /// <summary>The format to read the input as (from <see cref="Formats.InputFormatCatalog.Choose"/>); null to detect it.</summary>
    public Formats.FormatChoice? Format { get; init; }

    /// <summary>Ground truth for an access log: a CSV with columns <c>line,label</c> (1 = anomaly).</summary>
    public Stream? Labels { get; init; }

    /// <summary>A threshold score or a top N chosen by the analyst instead of the file's own threshold; null keeps the file's.</summary>
    public Scoring.FlagOverride? Flag { get; init; }

    /// <summary>Group records into entities (clients, sessions, identifiers) and score them against each other; null leaves them out.</summary>
    public Entities.EntityOptions? Entities { get; init; }

    /// <summary>Whether a table is judged as a time series (auto: when it is one) or row by row.</summary>
    public AnalysisChoice Analysis { get; init; } = AnalysisChoice.Auto;

    /// <summary>Find bursts in the rate over time and explain them; null leaves them out.</summary>
    public Spikes.SpikeOptions? Spikes { get; init; }

    /// <summary>The analyst's "this is expected" rules: records they match are never flagged and their evidence is not counted.</summary>
    public Feedback.ExpectedRules? Rules { get; init; }

    /// <summary>Group records by pattern (template) and describe each; null leaves them out.</summary>
    public Patterns.PatternOptions? Patterns { get; init; }
}

namespace AnomalyStudio.Core.Pipeline;

/// <summary>The stages of a detection, in order.</summary>
public enum PipelineStage
{
    Reading,
    Parsing,
    Features,
    Training,
    Scoring,
    Explaining,

    /// <summary>Grouping records by client or identifier and scoring the entities (only when asked for).</summary>
    Entities,

    /// <summary>Rate series, bursts and their explanations (only when asked for).</summary>
    Spikes,

    /// <summary>Every record's pattern (template) for the patterns view (only when asked for).</summary>
    Patterns,
    Done,
}

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
    Done,
}

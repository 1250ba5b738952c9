using AnomalyStudio.Core.Formats;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>The pipeline's name for each stage a format reports while it reads an input.</summary>
public static class PreparationStages
{
    public static PipelineStage AsPipelineStage(this PreparationStage stage) => stage switch
    {
        PreparationStage.Parsing => PipelineStage.Parsing,
        PreparationStage.Features => PipelineStage.Features,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Not a preparation stage."),
    };
}

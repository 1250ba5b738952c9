namespace AnomalyStudio.Core.Pipeline;

/// <summary>Wall-clock time a pipeline stage took.</summary>
public sealed record StageTiming(PipelineStage Stage, TimeSpan Elapsed);

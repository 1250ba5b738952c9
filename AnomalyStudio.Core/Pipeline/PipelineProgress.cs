namespace AnomalyStudio.Core.Pipeline;

/// <summary>Where a detection is: its stage, how far through it (0…1 when known) and a line for people.</summary>
public sealed record PipelineProgress(PipelineStage Stage, double? Fraction, string Message);

namespace AnomalyStudio.Core.Detection;

/// <summary>Progress of a fit: step <see cref="Step"/> of <see cref="Steps"/> (trees, epochs), with the loss where there is one.</summary>
public sealed record TrainingProgress(int Step, int Steps, double? Loss = null);

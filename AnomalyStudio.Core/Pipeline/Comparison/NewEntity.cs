namespace AnomalyStudio.Core.Pipeline.Comparison;

/// <summary>An entity (client, identifier) seen only in the incident, with what the incident's entity analysis says of it.</summary>
public sealed record NewEntity(string Key, int Records, double Score, Scoring.Severity Severity, string Explanation);

namespace AnomalyStudio.Core.Scoring;

/// <summary>Severity bands of a normalised score, from normal up.</summary>
public enum Severity : byte
{
    Normal,
    Low,
    Medium,
    High,
    Critical,
}

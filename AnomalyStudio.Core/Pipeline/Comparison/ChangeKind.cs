namespace AnomalyStudio.Core.Pipeline.Comparison;

/// <summary>How a pattern or field value differs between a baseline and an incident.</summary>
public enum ChangeKind
{
    /// <summary>In the incident, never in the baseline.</summary>
    New,

    /// <summary>In the baseline, never in the incident.</summary>
    Gone,

    /// <summary>In both, at a much higher rate in the incident.</summary>
    MoreCommon,

    /// <summary>In both, at a much lower rate in the incident.</summary>
    LessCommon,
}

using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Features;

/// <summary>The feature matrix of an access log plus the per-record signals explanations need.</summary>
public sealed record AccessLogFeatures(
    FeatureMatrix Matrix,
    AccessLogTable Records,
    UriThreat[] UriThreats,
    UserAgentKind[] UserAgents,
    ByteStatistics Bytes)
{
    /// <summary>Each request's URI shape (<see cref="Text.TextShape"/>).</summary>
    public required IReadOnlyList<string> UriShapes { get; init; }

    /// <summary>Share of the file's requests whose URI has the same shape.</summary>
    public required double[] UriShapeShares { get; init; }
}

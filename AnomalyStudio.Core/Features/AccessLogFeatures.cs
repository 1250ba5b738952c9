using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Features;

/// <summary>The feature matrix of an access log plus the per-record signals explanations need.</summary>
public sealed record AccessLogFeatures(
    FeatureMatrix Matrix,
    AccessLogTable Records,
    UriThreat[] UriThreats,
    UserAgentKind[] UserAgents,
    ByteStatistics Bytes);

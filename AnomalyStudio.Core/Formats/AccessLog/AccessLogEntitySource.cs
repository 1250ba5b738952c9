using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Formats.AccessLog;

/// <summary>An access log's entities: its requests grouped by client IP, or by IP and user agent when sessions are asked for.</summary>
public sealed class AccessLogEntitySource(AccessLogFeatures features) : IEntitySource
{
    public IReadOnlyList<string> Columns => [];

    public EntityGroups Group(EntityOptions options, Severity[] severities, CancellationToken cancellationToken = default)
    {
        var (index, profiles) = AccessLogEntityProfiler.Profile(features, options.ForAccessLog(), cancellationToken);
        return options.Sessions
            ? new EntityGroups(EntityKind.Session, index, profiles, "session")
            : new EntityGroups(EntityKind.Client, index, profiles, "client");
    }
}

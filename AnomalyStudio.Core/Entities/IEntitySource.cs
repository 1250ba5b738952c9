using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Entities;

/// <summary>
/// What a format gives the entity stage: the actors its records can be grouped by (clients, users, blocks …) and each
/// one's profile. The <see cref="EntityAnalyzer"/> scores the profiles against each other without knowing the format.
/// </summary>
public interface IEntitySource
{
    /// <summary>The columns the records can be grouped by, offered as the dashboard's "Group by"; empty when the format groups by one fixed actor.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>The records grouped by the chosen (or default) actor and profiled; null when they have no actor to group by.</summary>
    /// <param name="severities">Each record's severity, for profiles that count an entity's anomalous records.</param>
    EntityGroups? Group(EntityOptions options, Severity[] severities, CancellationToken cancellationToken = default);
}

/// <summary>A file's records grouped by one actor and profiled, ready to be scored against each other.</summary>
/// <param name="Column">The actor's name in reports ("client", "session", or the column's name).</param>
/// <param name="Target">The column an entity's most frequent target is read from, named in its summary; null when none.</param>
/// <param name="Sessions">The entities' event sequences, when the records carry event templates.</param>
public sealed record EntityGroups(
    EntityKind Kind, EntityIndex Index, EntityProfile[] Profiles, string Column, string? Target = null, SessionEvents? Sessions = null);

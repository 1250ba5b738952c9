using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Entities;

/// <summary>
/// The entities of a file scored against each other: who they are, what each did, its 0…1 score and severity on the
/// records' scale (the same detector contract and robust calibration), and its explanation. Arrays are by entity
/// (<see cref="EntityIndex"/> order); <see cref="Ranked"/> gives the order to show them in.
/// </summary>
public sealed class EntityAnalysis
{
    public required EntityKind Kind { get; init; }

    public required EntityIndex Index { get; init; }

    public required IReadOnlyList<EntityProfile> Profiles { get; init; }

    public required FeatureMatrix Features { get; init; }

    /// <summary>Normalised scores, 0 = typical … 1 = most unusual; all 0 when there were too few entities to score.</summary>
    public required double[] Scores { get; init; }

    public required Severity[] Severities { get; init; }

    /// <summary>Why an unusual entity is unusual ("ip: reason, reason"); "nothing unusual" for the others.</summary>
    public required string[] Explanations { get; init; }

    /// <summary>What each entity did, in words, whatever its score.</summary>
    public required string[] Summaries { get; init; }

    /// <summary>The detector the entities were scored with; null when they were too few to score.</summary>
    public required string? Model { get; init; }

    /// <summary>For tables: the column entities come from; for logs "client".</summary>
    public required string Column { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    public int Count => Index.Count;

    /// <summary>Entities by score, highest first (ties by first appearance), computed once.</summary>
    public int[] Ranked => _ranked ??= Rank();

    private int[]? _ranked;

    public int EntityOf(int record) => Index.OfRecord[record];

    public SeverityCounts Counts => SeverityCounts.Of(Severities);

    public long EstimatedBytes =>
        Index.EstimatedBytes + (Features.Values.Length * 8L) + (Scores.Length * 9L) + (Count * 400L)
        + Explanations.Sum(e => 24L + (2L * e.Length)) + Summaries.Sum(s => 24L + (2L * s.Length));

    private int[] Rank()
    {
        var order = Enumerable.Range(0, Count).ToArray();
        Array.Sort(order, (a, b) => Scores[b] != Scores[a] ? Scores[b].CompareTo(Scores[a]) : a.CompareTo(b));
        return order;
    }
}

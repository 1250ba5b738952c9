using AnomalyStudio.Core.Features;
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

    /// <summary>Ground truth per entity (true = anomaly) when a labels file named the entities; entities it does not list count as normal.</summary>
    public bool[]? Labels { get; init; }

    /// <summary>ROC-AUC, average precision and the flag's precision, recall and F1 against <see cref="Labels"/>.</summary>
    public (double? RocAuc, double? AveragePrecision, FlagEvaluation? Flag)? Evaluation { get; init; }

    /// <summary>What the labels file matched, for the report's notes.</summary>
    public string? LabelNote { get; init; }

    /// <summary>This analysis with <paramref name="labels"/> (by entity key) matched to its entities and evaluated.</summary>
    public EntityAnalysis Evaluated(IReadOnlyDictionary<string, bool> labels, string keyColumn)
    {
        var matched = 0;
        var truth = new bool[Count];
        for (var e = 0; e < Count; e++)
        {
            if (labels.TryGetValue(Profiles[e].Key, out var anomalous))
            {
                truth[e] = anomalous;
                matched++;
            }
        }

        var flagged = Array.ConvertAll(Severities, s => s != Severity.Normal);
        return new EntityAnalysis
        {
            Kind = Kind, Index = Index, Profiles = Profiles, Features = Features, Scores = Scores, Severities = Severities,
            Explanations = Explanations, Summaries = Summaries, Model = Model, Column = Column, Notes = Notes,
            Labels = truth,
            Evaluation = (Scoring.Evaluation.RocAuc(Scores, truth), Scoring.Evaluation.AveragePrecision(Scores, truth), FlagEvaluation.Of(Scores, flagged, truth)),
            LabelNote = $"Labels: {matched:N0} of {Count:N0} {Column} values found in the labels file's {keyColumn} column ({truth.Count(t => t):N0} anomalies); the others count as normal.",
        };
    }

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

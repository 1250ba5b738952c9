using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Features;

/// <summary>The feature matrix of a CSV file and the column statistics explanations need.</summary>
public sealed record CsvFeatures(
    FeatureMatrix Matrix,
    FeatureKind Kind,
    CsvTable Table,
    IReadOnlyDictionary<CsvColumn, ColumnStatistics> NumericStatistics,
    IReadOnlyDictionary<CsvColumn, CategoryShares> CategoryShares)
{
    /// <summary>Content features of the text columns (own-column features only).</summary>
    public IReadOnlyList<Text.TextColumnFeatures> Texts { get; init; } = [];

    /// <summary>The categories that got a rarity feature (own-column features only); explanations name no others.</summary>
    public IReadOnlyList<CsvColumn>? Categories { get; init; }

    /// <summary>
    /// The cumulative counters, each a column of its growth per record that stands in for the counter in
    /// <see cref="NumericStatistics"/> (<see cref="CounterColumns"/>).
    /// </summary>
    public IReadOnlyList<CsvColumn> Counters { get; init; } = [];

    /// <summary>The log-level columns (own-column features only).</summary>
    public IReadOnlyList<CsvColumn> Levels { get; init; } = [];
}

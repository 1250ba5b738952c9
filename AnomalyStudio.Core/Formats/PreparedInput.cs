using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Parsing.LineLogs;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Core.Formats;

/// <summary>
/// What a format hands the pipeline: its records parsed and turned into features, with everything format-specific that
/// later stages need to name, explain, weigh, group and contrast them (reasons, evidence, entities, facets). No stage
/// after it asks which format the records came from.
/// </summary>
public sealed class PreparedInput
{
    public required IInputFormat Format { get; init; }

    /// <summary>Whether the model is fitted on this input (its own baseline) rather than pretrained.</summary>
    public required bool FitOnFile { get; init; }

    public required FeatureMatrix Matrix { get; init; }

    public required FeatureKind Kind { get; init; }

    public required SkippedLines Skipped { get; init; }

    public required long[] Lines { get; init; }

    public required IRecordSource Source { get; init; }

    public required Func<int, DateTimeOffset?> Timestamp { get; init; }

    public required Func<int, string> Identifier { get; init; }

    public required Func<int, List<Reason>> Reasons { get; init; }

    /// <summary>Per record, the robust standard deviations that known-bad signals add to its distance (<see cref="EvidencePrior"/>); null when none apply.</summary>
    public double[]? Evidence { get; init; }

    /// <summary>Ground truth per record (true = anomaly) when the input has a label column or labels were given.</summary>
    public bool[]? Labels { get; set; }

    /// <summary>Ground truth per entity key (an HDFS block's label) when a labels file gave it, and the key column it names.</summary>
    public (IReadOnlyDictionary<string, bool> Labels, string KeyColumn)? EntityLabels { get; set; }

    /// <summary>How the records group into actors (clients, users, blocks …) for the entity stage; null when they have none.</summary>
    public IEntitySource? Entities { get; init; }

    /// <summary>The records' time and categorical fields for the spike stage, built only when it runs; null when the format has none.</summary>
    public Func<RecordFacets>? Facets { get; init; }

    /// <summary>The parsed table of a table-shaped format (CSV, JSON lines, a line log); null for other records.</summary>
    public CsvTable? Table { get; init; }

    /// <summary>Each record's mined template, when the format mines its messages (a line log, JSON lines with a message); null otherwise.</summary>
    public RecordTemplates? Templates => Table?.Templates;

    public List<string> Notes { get; } = [];

    public int Count => Matrix.Rows;
}

using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Parsing.LineLogs;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>Everything a detection produced: the summary, the scored records in file order, and how to read them back.</summary>
public sealed class DetectionResult
{
    public required string FileName { get; init; }

    public required IInputFormat Format { get; init; }

    /// <summary>The detector's name (<see cref="Detection.IAnomalyDetector.Name"/>).</summary>
    public required string Model { get; init; }

    /// <summary>The detector's name for people ("Isolation Forest"), as its catalog registration gives it.</summary>
    public required string ModelDisplayName { get; init; }

    public required DetectionMode Mode { get; init; }

    public required DetectionSummary Summary { get; init; }

    public required ScoredRecords Records { get; init; }

    public required FeatureMatrix Features { get; init; }

    public required SeverityThresholds Thresholds { get; init; }

    public required IReadOnlyList<SkippedLine> SkippedExamples { get; init; }

    public required IReadOnlyList<StageTiming> Timings { get; init; }

    public required IRecordSource Source { get; init; }

    /// <summary>Each record's template (id and text with its parameters as &lt;*&gt;), when the format mines messages; null otherwise.</summary>
    public RecordTemplates? Templates { get; init; }

    /// <summary>When the model was trained (pretrained mode: the stored model's time).</summary>
    public required DateTimeOffset ModelTrainedAt { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Ground truth per record when the input had labels.</summary>
    public bool[]? Labels { get; init; }

    /// <summary>Per record, the robust standard deviations known-bad signals added to its distance (<see cref="Features.EvidencePrior"/>); null when none apply.</summary>
    public double[]? Evidence { get; init; }

    /// <summary>The entities scored against each other, when the request asked for them and the input has any.</summary>
    public Entities.EntityAnalysis? Entities { get; init; }

    /// <summary>Rates over time, their bursts and their explanations, when the request asked for them.</summary>
    public Spikes.SpikeAnalysis? Spikes { get; init; }

    /// <summary>
    /// Bytes this result keeps alive (parsed records, features, scores, severities, explanations, labels),
    /// estimated from array lengths and distinct strings; computed on first use, since it walks every string once.
    /// Line numbers are shared by the records and their source, so they are counted once, with the source.
    /// </summary>
    public long EstimatedBytes => _estimatedBytes ??= Source.EstimatedBytes
        + MemoryFootprint.Of(Records.Scores) + MemoryFootprint.Of(Records.Severities)
        + MemoryFootprint.Of(Records.Explanations) + MemoryFootprint.DistinctStrings(Records.Explanations)
        + MemoryFootprint.Of(Features.Values) + MemoryFootprint.Of(Labels) + MemoryFootprint.Of(Evidence)
        + (Templates is { } templates ? 8L * templates.Count : 0) // a reference per record: the texts are the table's template column
        + (Entities?.EstimatedBytes ?? 0) + (Spikes?.EstimatedBytes ?? 0);

    private long? _estimatedBytes;

    public TimeSpan Elapsed => Timings.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Elapsed);
}

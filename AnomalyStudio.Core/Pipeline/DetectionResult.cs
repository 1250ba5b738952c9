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

    /// <summary>The score from which records are flagged, how it was chosen and why.</summary>
    public required FlagThreshold Threshold { get; init; }

    /// <summary>The threshold the file's own scores chose (<see cref="Threshold"/> until an analyst moves it).</summary>
    public required FlagThreshold FileThreshold { get; init; }

    /// <summary>Explains records a moved threshold flags; null for a result that cannot be re-banded.</summary>
    internal RecordExplainer? Explainer { get; init; }

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

    /// <summary>The columns a table's entities can be grouped by (its identifier columns: a line log's ip, user, block …); empty for an access log.</summary>
    public IReadOnlyList<string> EntityColumns { get; init; } = [];

    /// <summary>The entities scored against each other, when the request asked for them and the input has any.</summary>
    public Entities.EntityAnalysis? Entities { get; init; }

    /// <summary>The series judged in context, when the table was analysed as a time series (its periods, expected values and bands); null otherwise.</summary>
    public TimeSeries.TimeSeriesAnalysis? TimeSeries { get; init; }

    /// <summary>Rates over time, their bursts and their explanations, when the request asked for them.</summary>
    public Spikes.SpikeAnalysis? Spikes { get; init; }

    /// <summary>
    /// The same detection flagged from <paramref name="threshold"/> (null: the file's own again): severities, explanations,
    /// counts and the flag's precision and recall follow it, while scores, features, entities and spikes stay, so nothing is
    /// scored again. A record the new threshold flags is explained as the detection would have explained it.
    /// </summary>
    public DetectionResult WithThreshold(FlagThreshold? threshold, CancellationToken cancellationToken = default)
    {
        threshold ??= FileThreshold;
        var scores = Records.Scores;
        var old = Records.Severities;
        var severities = new Severity[scores.Length];
        var explanations = (string[])Records.Explanations.Clone();
        var newlyFlagged = new List<int>();
        for (var i = 0; i < scores.Length; i++)
        {
            severities[i] = Thresholds.ClassifyFrom(scores[i], threshold.Score);
            if (severities[i] == Severity.Normal)
            {
                explanations[i] = Explanations.ExplanationText.NothingUnusual;
            }
            else if (old[i] == Severity.Normal)
            {
                newlyFlagged.Add(i);
            }
        }

        if (Explainer is { } explainer)
        {
            explainer.Explain(newlyFlagged, explanations, cancellationToken);
        }

        var counts = SeverityCounts.Of(severities);
        var summary = Summary with
        {
            Anomalies = counts.Anomalies,
            AnomalyPercent = scores.Length == 0 ? 0 : 100.0 * counts.Anomalies / scores.Length,
            SeverityCounts = counts,
            Flag = Labels is { } labels && Summary.Flag is { } flag
                ? FlagEvaluation.Of(scores, Array.ConvertAll(severities, s => s != Severity.Normal), labels, flag.BestF1)
                : Summary.Flag,
        };
        return new DetectionResult
        {
            FileName = FileName, Format = Format, Model = Model, ModelDisplayName = ModelDisplayName, Mode = Mode,
            Summary = summary, Records = Records.WithBands(severities, explanations), Features = Features,
            Thresholds = Thresholds, Threshold = threshold, FileThreshold = FileThreshold, Explainer = Explainer,
            SkippedExamples = SkippedExamples, Timings = Timings, Source = Source, ModelTrainedAt = ModelTrainedAt,
            Notes = Notes, Labels = Labels, Evidence = Evidence, Entities = Entities, Spikes = Spikes, Templates = Templates, EntityColumns = EntityColumns,
            TimeSeries = TimeSeries,
        };
    }

    public TimeSpan Elapsed => Timings.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Elapsed);
}

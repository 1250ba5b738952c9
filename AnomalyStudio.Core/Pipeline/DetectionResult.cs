using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Feedback;
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

    /// <summary>
    /// The explanations <see cref="Explainer"/> has written, by record, shared by every re-banding of this detection: an
    /// analyst moving the threshold back and forth flags the same records again, and a record's explanation never
    /// depends on the threshold, so each is worded once.
    /// </summary>
    private ExplanationMemo Explained { get; init; } = new();

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

    /// <summary>The analyst's rules the records are flagged under (<see cref="ExpectedRules.None"/> until some are given).</summary>
    public ExpectedRules Rules { get; init; } = ExpectedRules.None;

    /// <summary>How many records each of <see cref="Rules"/> matched, in their order (a record counts for the first rule that matches it).</summary>
    public IReadOnlyList<int> RuleMatches { get; init; } = [];

    /// <summary>Records a rule marks as expected.</summary>
    public int Expected => RuleMatches.Sum();

    /// <summary>The scores as the model and the file's evidence gave them, before any rule; null for a result that cannot be rescored.</summary>
    internal BaseScoring? Base { get; init; }

    /// <summary>
    /// Bytes of <see cref="Base"/> beyond the result's own columns: the raw scores, and the scores and evidence before
    /// any rule where rules gave the result new ones.
    /// </summary>
    public long BaseScoringBytes => Base is not { } origin ? 0
        : MemoryFootprint.Of(origin.Raw)
            + (ReferenceEquals(origin.Scores, Records.Scores) ? 0 : MemoryFootprint.Of(origin.Scores))
            + (ReferenceEquals(origin.Evidence, Evidence) ? 0 : MemoryFootprint.Of(origin.Evidence));

    /// <summary>Every record's pattern, when the request asked for them and the input has text to group.</summary>
    public Patterns.PatternAnalysis? Patterns { get; init; }

    /// <summary>The patterns of the records in <paramref name="range"/> (null: all) with the current severities; null without patterns.</summary>
    public Patterns.PatternSummary? PatternSummary(Spikes.TimeWindow? range = null) => Patterns?.Summarise(Records.Severities, range);

    /// <summary>
    /// The same detection flagged from <paramref name="threshold"/> (null: the file's own again): severities, explanations,
    /// counts and the flag's precision and recall follow it, while scores, features, entities and spikes stay, so nothing is
    /// scored again. A record the new threshold flags is explained as the detection would have explained it. The rules stay.
    /// </summary>
    public DetectionResult WithThreshold(FlagThreshold? threshold, CancellationToken cancellationToken = default) =>
        Rebanded(threshold ?? FileThreshold, Rules, cancellationToken);

    /// <summary>
    /// The same detection under other rules (<see cref="ExpectedRules.None"/>: none again): a record a rule matches is
    /// never flagged and its evidence is left out of its score; every other record keeps the model's score. The model,
    /// its raw scores and the threshold stay, so the same file, seed and rules give the same scores.
    /// </summary>
    public DetectionResult WithRules(ExpectedRules rules, CancellationToken cancellationToken = default) =>
        Rebanded(Threshold, rules, cancellationToken);

    private DetectionResult Rebanded(FlagThreshold threshold, ExpectedRules rules, CancellationToken cancellationToken)
    {
        var (ruleOf, matches) = rules.Count == 0 ? (null, []) : RuleMatcher.Match(this, rules, cancellationToken);
        var (scores, evidence) = Base is { } origin ? origin.Without(ruleOf) : (Records.Scores, Evidence);
        var old = Records.Severities;
        var severities = new Severity[scores.Length];
        var explanations = (string[])Records.Explanations.Clone();
        var newlyFlagged = new List<int>();
        for (var i = 0; i < scores.Length; i++)
        {
            if (ruleOf is not null && ruleOf[i] >= 0)
            {
                severities[i] = Severity.Normal;
                explanations[i] = $"Expected: {rules.Rules[ruleOf[i]].Describe()} (an analyst's rule; never flagged, its evidence not counted).";
                continue;
            }

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
            Explained.Explain(explainer, newlyFlagged, explanations, cancellationToken);
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
            Summary = summary, Records = Records.WithScores(scores, severities, explanations), Features = Features,
            Thresholds = Thresholds, Threshold = threshold, FileThreshold = FileThreshold, Explainer = Explainer,
            SkippedExamples = SkippedExamples, Timings = Timings, Source = Source, ModelTrainedAt = ModelTrainedAt,
            Notes = Notes, Labels = Labels, Evidence = evidence, Entities = Entities, Spikes = Spikes, Patterns = Patterns, Templates = Templates, EntityColumns = EntityColumns,
            Rules = rules, RuleMatches = matches, Base = Base, TimeSeries = TimeSeries, Explained = Explained,
        };
    }

    public TimeSpan Elapsed => Timings.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Elapsed);

    /// <summary>Explanations already worded, by record; a record is worded the first time a threshold flags it.</summary>
    private sealed class ExplanationMemo
    {
        private string?[]? _byRecord;

        public void Explain(RecordExplainer explainer, List<int> indices, string[] explanations, CancellationToken cancellationToken)
        {
            // Every write is the same deterministic text for its record, so two re-bandings at once can only agree.
            var known = _byRecord ??= new string?[explanations.Length];
            var missing = new List<int>();
            foreach (var i in indices)
            {
                if (known[i] is { } text)
                {
                    explanations[i] = text;
                }
                else
                {
                    missing.Add(i);
                }
            }

            explainer.Explain(missing, explanations, cancellationToken);
            foreach (var i in missing)
            {
                known[i] = explanations[i];
            }
        }
    }
}

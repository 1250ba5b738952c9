using System.Diagnostics;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>
/// The one detection pipeline behind the CLI, the HTTP API and the dashboard:
/// parse → features → model (pretrained or fitted on the file) → raw scores → calibrated 0…1 scores →
/// severities → explanations → summary (with ROC-AUC and average precision when there are labels).
/// </summary>
public sealed class DetectionPipeline(PipelineOptions options, DetectorCatalog catalog, ModelStore store, PretrainedModelTrainer trainer, InputFormatCatalog formats)
{
    /// <summary>The input formats detected among: the trainer's own, so the formats read and the pretrained models agree.</summary>
    public InputFormatCatalog Formats { get; } = ReferenceEquals(trainer.FeatureSets, formats)
        ? formats
        : throw new ArgumentException("The pipeline must read the formats whose pretrained models its trainer trains.", nameof(formats));

    public PipelineOptions Options => options;

    public DetectorCatalog Catalog => catalog;

    public ModelStore Store => store;

    /// <summary>
    /// Runs a detection, one step per stage: prepare (parse, features, labels), train or load the model, score and choose
    /// the threshold, explain, the population stages, then the summary. Bad input throws <see cref="InvalidInputException"/>
    /// with a message for the user.
    /// </summary>
    public async Task<DetectionResult> RunAsync(
        Stream input,
        DetectionRequest request,
        IProgress<PipelineProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var model = catalog.Resolve(request.Model);
        var detector = catalog.Create(model);
        if (!detector.Availability.IsAvailable)
        {
            throw new InvalidInputException($"The {detector.DisplayName} is unavailable: {detector.Availability.Reason}");
        }

        var timings = new List<StageTiming>();
        var recognition = new SeriesRecognition(request);
        var prepared = await PrepareAsync(input, request, detector, recognition, timings, progress, cancellationToken).ConfigureAwait(false);
        var series = TimeSeriesStage.Choose(prepared, recognition, request, detector, timings, cancellationToken);
        prepared = series?.Prepared ?? prepared;

        var clock = Stopwatch.StartNew();
        var stored = await TrainOrLoadAsync(detector, model, prepared, request.FileName, progress, cancellationToken).ConfigureAwait(false);
        timings.Add(new StageTiming(PipelineStage.Training, clock.Elapsed));
        clock.Restart();
        FeatureCheck.Ensure(stored, prepared.Matrix, model);

        progress?.Report(new PipelineProgress(PipelineStage.Scoring, null, $"Scoring {prepared.Count:N0} records"));
        var raw = prepared.FitOnFile && stored.BaselineScores is { } fitted ? fitted : stored.Model.Score(prepared.Matrix, cancellationToken);
        var thresholds = catalog.Thresholds(model);
        // A time series has no base scoring for rules to rescore from: its rules unflag what they match, scores stay.
        double[] scores;
        FlagThreshold threshold;
        ScoreCalibration? calibration = null;
        if (series is null)
        {
            (scores, threshold, calibration) = ScoreAndThreshold(prepared, stored.Calibration, raw, thresholds, request.Flag);
        }
        else
        {
            (scores, threshold) = series.Score(stored.Calibration, raw, options.Calibration, thresholds, request.Flag);
        }

        timings.Add(new StageTiming(PipelineStage.Scoring, clock.Elapsed));
        clock.Restart();

        progress?.Report(new PipelineProgress(PipelineStage.Explaining, null, "Explaining anomalies"));
        var explainer = new RecordExplainer(prepared, stored.Model);
        var records = Score(explainer, prepared, scores, thresholds, threshold.Score, cancellationToken);
        timings.Add(new StageTiming(PipelineStage.Explaining, clock.Elapsed));
        var (entities, spikes) = PopulationStage.Run(prepared, records, request, catalog, options, timings, progress, cancellationToken);
        var patterns = PatternStage.Run(prepared, request, timings, progress, cancellationToken);

        var summary = Summarise(prepared, records);
        progress?.Report(new PipelineProgress(PipelineStage.Done, 1, $"{summary.Anomalies:N0} anomalies in {records.Count:N0} records"));

        var result = new DetectionResult
        {
            FileName = request.FileName,
            Format = prepared.Format,
            Model = model,
            ModelDisplayName = detector.DisplayName,
            Mode = prepared.FitOnFile ? DetectionMode.Fit : DetectionMode.Pretrained,
            Summary = summary,
            Records = records,
            Features = prepared.Matrix,
            Thresholds = thresholds,
            Threshold = threshold,
            FileThreshold = threshold,
            Explainer = explainer,
            SkippedExamples = prepared.Skipped.Examples,
            Timings = timings,
            Source = prepared.Source,
            Templates = prepared.Templates,
            ModelTrainedAt = stored.TrainedAt,
            Notes = prepared.Notes,
            Labels = prepared.Labels,
            Evidence = prepared.Evidence,
            Entities = entities,
            EntityColumns = prepared.Entities?.Columns ?? [],
            Spikes = spikes,
            Base = calibration is null ? null : new BaseScoring(raw, calibration, scores, prepared.Evidence),
            TimeSeries = series?.Analysis,
            Patterns = patterns,
        };
        return request.Rules is { Count: > 0 } rules ? result.WithRules(rules, cancellationToken) : result;
    }

    /// <summary>
    /// Parses the input and extracts its features (off the caller's thread; none for a table that <paramref name="recognition"/>
    /// judges as a time series, whose features the series replaces), reads the labels file and notes the baseline.
    /// </summary>
    private async Task<PreparedInput> PrepareAsync(
        Stream input, DetectionRequest request, IAnomalyDetector detector, SeriesRecognition recognition, List<StageTiming> timings, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        Action<PreparationStage, double?, string>? preparing = progress is null ? null
            : (stage, fraction, message) => progress.Report(new PipelineProgress(stage.AsPipelineStage(), fraction, message));
        var prepared = await Task.Run(
            () => InputPreparer.Prepare(input, request.FileName, count => FitsOnFile(request.Mode, count), options.Limits, (stage, elapsed) => timings.Add(new StageTiming(stage.AsPipelineStage(), elapsed)), preparing, Formats, request.Format, recognition.IsSeries, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (request.Labels is not null && prepared.Labels is null)
        {
            ReadLabels(prepared, request);
        }

        // Every report says how the file was read (a chosen format has its note from the catalog) and which baseline it used.
        if (request.Format is null)
        {
            prepared.Notes.Add($"Format: {prepared.Format.DisplayName}, detected from the content (an input format can be chosen instead).");
        }

        // Every report says which baseline it used, whichever mode chose it.
        prepared.Notes.Add((request.Mode, prepared.FitOnFile) switch
        {
            (DetectionMode.Auto, true) => $"Baseline: the file itself ({prepared.Count:N0} records): the {detector.DisplayName} was fitted on it, and a score says how far a record is from the file's typical record.",
            (DetectionMode.Auto, false) => $"Baseline: the pretrained {detector.DisplayName}, because the file has fewer than {options.MinBaselineRecords:N0} records to be its own baseline.",
            (_, true) => $"Baseline: the file itself ({prepared.Count:N0} records), as fit mode asks: the {detector.DisplayName} was fitted on it.",
            _ => $"Baseline: the pretrained {detector.DisplayName}, as pretrained mode asks: a score says how far a record is from its generated training data's typical record.",
        });

        return prepared;
    }

    /// <summary>Reads a labels file: per record, or per entity (kept for the entity stage, with a note when no entities were asked for).</summary>
    private static void ReadLabels(PreparedInput prepared, DetectionRequest request)
    {
        var (recordLabels, entityLabels, key) = GroundTruthLabels.ReadAny(request.Labels!, prepared.Lines);
        prepared.Labels = recordLabels;
        if (entityLabels is not null)
        {
            prepared.EntityLabels = (entityLabels, key!);
            if (request.Entities is null)
            {
                prepared.Notes.Add($"Labels: the labels file names entities ({key}); ask for entities (--entities, view=entities) to have them evaluated.");
            }
        }
    }

    /// <summary>Fits the model on the file (its own baseline) or loads the pretrained one, reporting progress.</summary>
    private async Task<StoredModel> TrainOrLoadAsync(
        IAnomalyDetector detector, string model, PreparedInput prepared, string fileName, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        if (!prepared.FitOnFile)
        {
            progress?.Report(new PipelineProgress(PipelineStage.Training, null, $"Loading the pretrained {detector.DisplayName}"));
            return await store.GetOrTrainAsync(model, prepared.Kind, null, cancellationToken).ConfigureAwait(false);
        }

        progress?.Report(new PipelineProgress(PipelineStage.Training, 0, $"Training the {detector.DisplayName} on {prepared.Count:N0} records"));
        var trainingProgress = progress is null ? null : new CallbackProgress<TrainingProgress>(p => progress.Report(new PipelineProgress(
            PipelineStage.Training, (double)p.Step / p.Steps, $"Training the {detector.DisplayName}: {p.Step}/{p.Steps}")));
        return await Task.Run(
            () => trainer.Fit(detector, prepared.Matrix, prepared.Kind, $"{fileName} ({prepared.Count:N0} records)", trainingProgress, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The headline figures, with ROC-AUC, AP and the flag's precision and recall when there are labels.</summary>
    private static DetectionSummary Summarise(PreparedInput prepared, ScoredRecords records)
    {
        var counts = SeverityCounts.Of(records.Severities);
        var scores = records.Scores;
        var labels = prepared.Labels;
        return new DetectionSummary(
            records.Count,
            counts.Anomalies,
            records.Count == 0 ? 0 : 100.0 * counts.Anomalies / records.Count,
            counts,
            prepared.Skipped.Count,
            labels is null ? null : Evaluation.RocAuc(scores, labels),
            labels is null ? null : Evaluation.AveragePrecision(scores, labels))
        {
            Flag = labels is null ? null : FlagEvaluation.Of(scores, Array.ConvertAll(records.Severities, s => s != Severity.Normal), labels),
        };
    }

    /// <summary>Whether a file of <paramref name="records"/> records is fitted on (its own baseline) in this mode.</summary>
    public bool FitsOnFile(DetectionMode mode, int records) => mode switch
    {
        DetectionMode.Fit => true,
        DetectionMode.Pretrained => false,
        _ => records >= options.MinBaselineRecords,
    };

    /// <summary>
    /// The 0…1 scores and the flag threshold. A file that is its own baseline gets a threshold chosen from its own
    /// distances (<see cref="FileThreshold"/>) and a calibration rebased on it, so its flagged records start at "low"; a
    /// file scored against a pretrained baseline is flagged at the fixed distance; a quota calibration at its quota. An
    /// analyst's <paramref name="flag"/> then moves the threshold on the scores as they are.
    /// </summary>
    private (double[] Scores, FlagThreshold Threshold, ScoreCalibration Calibration) ScoreAndThreshold(
        PreparedInput prepared, ScoreCalibration calibration, double[] raw, SeverityThresholds thresholds, FlagOverride? flag)
    {
        FlagThreshold threshold;
        if (!calibration.MeasuresDistance)
        {
            threshold = new FlagThreshold(thresholds.Low, ThresholdMethod.Contamination, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"A quota: the {options.Contamination:0.##%} of the baseline that scores highest reaches low (Calibration:Method=Contamination)."));
        }
        else if (prepared.FitOnFile)
        {
            threshold = FileThreshold.Choose(calibration.Distances(raw, prepared.Evidence), options.Calibration, thresholds);
            calibration = calibration.Rebased(threshold.Distance!.Value); // at the fixed distance it rebuilds the same anchors
        }
        else
        {
            threshold = FileThreshold.OfBaseline(options.Calibration, thresholds);
        }

        var scores = calibration.Normalise(raw, prepared.Evidence);
        return (scores, flag is null ? threshold : flag.Resolve(scores), calibration);
    }

    private static ScoredRecords Score(RecordExplainer explainer, PreparedInput prepared, double[] scores, SeverityThresholds thresholds, double flagAt, CancellationToken cancellationToken)
    {
        var severities = new Severity[scores.Length];
        var flagged = new List<int>();
        for (var i = 0; i < scores.Length; i++)
        {
            severities[i] = thresholds.ClassifyFrom(scores[i], flagAt);
            if (severities[i] != Severity.Normal)
            {
                flagged.Add(i);
            }
        }

        var explanations = new string[scores.Length];
        Array.Fill(explanations, ExplanationText.NothingUnusual);
        explainer.Explain(flagged, explanations, cancellationToken);
        return new ScoredRecords(prepared.Lines, scores, severities, explanations, prepared.Timestamp, prepared.Identifier);
    }
}

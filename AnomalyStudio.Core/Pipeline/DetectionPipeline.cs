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
public sealed class DetectionPipeline(PipelineOptions options, DetectorCatalog catalog, ModelStore store, PretrainedModelTrainer trainer)
{
    /// <summary>The input formats detected among: the trainer's, so the formats read and the pretrained models agree.</summary>
    public InputFormatCatalog Formats => trainer.Formats;

    public PipelineOptions Options => options;

    public DetectorCatalog Catalog => catalog;

    public ModelStore Store => store;

    /// <summary>Runs a detection. Bad input throws <see cref="InvalidInputException"/> with a message for the user.</summary>
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
        Action<PreparationStage, double?, string>? preparing = progress is null ? null
            : (stage, fraction, message) => progress.Report(new PipelineProgress(stage.AsPipelineStage(), fraction, message));
        var prepared = await Task.Run(
            () => InputPreparer.Prepare(input, request.FileName, count => FitsOnFile(request.Mode, count), options.Limits, (stage, elapsed) => timings.Add(new StageTiming(stage.AsPipelineStage(), elapsed)), preparing, trainer.Formats, request.Format, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (request.Labels is not null && prepared.Labels is null)
        {
            var (recordLabels, entityLabels, key) = GroundTruthLabels.ReadAny(request.Labels, prepared.Lines);
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

        var mode = prepared.FitOnFile ? DetectionMode.Fit : DetectionMode.Pretrained;
        if (request.Mode == DetectionMode.Auto)
        {
            prepared.Notes.Add(prepared.FitOnFile
                ? $"Baseline: the file itself ({prepared.Count:N0} records): the {detector.DisplayName} was fitted on it, and a score says how far a record is from the file's typical record."
                : $"Baseline: the pretrained {detector.DisplayName}, because the file has fewer than {options.MinBaselineRecords:N0} records to be its own baseline.");
        }

        var clock = Stopwatch.StartNew();
        StoredModel stored;
        if (prepared.FitOnFile)
        {
            progress?.Report(new PipelineProgress(PipelineStage.Training, 0, $"Training the {detector.DisplayName} on {prepared.Count:N0} records"));
            var trainingProgress = progress is null ? null : new CallbackProgress<TrainingProgress>(p => progress.Report(new PipelineProgress(
                PipelineStage.Training, (double)p.Step / p.Steps, $"Training the {detector.DisplayName}: {p.Step}/{p.Steps}")));
            stored = await Task.Run(
                () => trainer.Fit(detector, prepared.Matrix, prepared.Kind, $"{request.FileName} ({prepared.Count:N0} records)", trainingProgress, cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            progress?.Report(new PipelineProgress(PipelineStage.Training, null, $"Loading the pretrained {detector.DisplayName}"));
            stored = await store.GetOrTrainAsync(model, prepared.Kind, null, cancellationToken).ConfigureAwait(false);
        }

        timings.Add(new StageTiming(PipelineStage.Training, clock.Elapsed));
        clock.Restart();
        FeatureCheck.Ensure(stored, prepared.Matrix, model);

        progress?.Report(new PipelineProgress(PipelineStage.Scoring, null, $"Scoring {prepared.Count:N0} records"));
        var raw = prepared.FitOnFile && stored.BaselineScores is { } fitted ? fitted : stored.Model.Score(prepared.Matrix, cancellationToken);
        var thresholds = catalog.Thresholds(model);
        var (scores, threshold) = ScoreAndThreshold(prepared, stored.Calibration, raw, thresholds, request.Flag);
        timings.Add(new StageTiming(PipelineStage.Scoring, clock.Elapsed));
        clock.Restart();

        progress?.Report(new PipelineProgress(PipelineStage.Explaining, null, "Explaining anomalies"));
        var explainer = new RecordExplainer(prepared, stored.Model);
        var records = Score(explainer, prepared, scores, thresholds, threshold.Score, cancellationToken);
        timings.Add(new StageTiming(PipelineStage.Explaining, clock.Elapsed));
        var (entities, spikes) = PopulationStage.Run(prepared, records, request, catalog, options, timings, progress, cancellationToken);

        var counts = SeverityCounts.Of(records.Severities);
        var summary = new DetectionSummary(
            records.Count,
            counts.Anomalies,
            records.Count == 0 ? 0 : 100.0 * counts.Anomalies / records.Count,
            counts,
            prepared.Skipped.Count,
            prepared.Labels is { } labels ? Evaluation.RocAuc(scores, labels) : null,
            prepared.Labels is { } labels2 ? Evaluation.AveragePrecision(scores, labels2) : null)
        {
            Flag = prepared.Labels is { } labels3 ? FlagEvaluation.Of(scores, Array.ConvertAll(records.Severities, s => s != Severity.Normal), labels3) : null,
        };
        progress?.Report(new PipelineProgress(PipelineStage.Done, 1, $"{counts.Anomalies:N0} anomalies in {records.Count:N0} records"));

        return new DetectionResult
        {
            FileName = request.FileName,
            Format = prepared.Format,
            Model = model,
            ModelDisplayName = detector.DisplayName,
            Mode = mode,
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
            EntityColumns = prepared.Table?.Columns.Where(c => c.Role == Parsing.ColumnRole.Identifier).Select(c => c.Name).ToArray() ?? [],
            Spikes = spikes,
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
    private (double[] Scores, FlagThreshold Threshold) ScoreAndThreshold(
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
            if (threshold.Distance != options.Calibration.LowZ)
            {
                calibration = calibration.Rebased(threshold.Distance!.Value);
            }
        }
        else
        {
            threshold = FileThreshold.OfBaseline(options.Calibration, thresholds);
        }

        var scores = calibration.Normalise(raw, prepared.Evidence);
        return (scores, flag is null ? threshold : flag.Resolve(scores));
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

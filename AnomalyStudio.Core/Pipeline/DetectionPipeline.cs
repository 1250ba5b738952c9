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
        var prepared = await Task.Run(
            () => InputPreparer.Prepare(input, request.FileName, count => FitsOnFile(request.Mode, count), options.Limits, (stage, elapsed) => timings.Add(new StageTiming(stage, elapsed)), progress, trainer.Formats, request.Format, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (request.Labels is not null && prepared.Labels is null)
        {
            prepared.Labels = GroundTruthLabels.Read(request.Labels, prepared.Lines);
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
        var scores = stored.Calibration.Normalise(raw, prepared.Evidence);
        timings.Add(new StageTiming(PipelineStage.Scoring, clock.Elapsed));
        clock.Restart();

        progress?.Report(new PipelineProgress(PipelineStage.Explaining, null, "Explaining anomalies"));
        var thresholds = catalog.Thresholds(model);
        var records = Score(prepared, stored.Model, scores, thresholds, cancellationToken);
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
            prepared.Labels is { } labels2 ? Evaluation.AveragePrecision(scores, labels2) : null);
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
            SkippedExamples = prepared.Skipped.Examples,
            Timings = timings,
            Source = prepared.Source,
            ModelTrainedAt = stored.TrainedAt,
            Notes = prepared.Notes,
            Labels = prepared.Labels,
            Evidence = prepared.Evidence,
            Entities = entities,
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

    private static ScoredRecords Score(PreparedInput prepared, IAnomalyModel model, double[] scores, SeverityThresholds thresholds, CancellationToken cancellationToken)
    {
        var severities = new Severity[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            severities[i] = thresholds.Classify(scores[i]);
        }

        var modelReasons = ModelReasons(prepared, model, severities);
        var explanations = new string[scores.Length];
        Parallel.For(0, scores.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            if (severities[i] == Severity.Normal)
            {
                explanations[i] = ExplanationText.NothingUnusual;
                return;
            }

            var reasons = prepared.Reasons(i);
            if (modelReasons?.TryGetValue(i, out var reason) == true)
            {
                reasons.Add(reason);
            }

            explanations[i] = ExplanationText.Join(reasons);
        });
        return new ScoredRecords(prepared.Lines, scores, severities, explanations, prepared.Timestamp, prepared.Identifier);
    }

    /// <summary>
    /// For a model that can attribute its score to features (the autoencoder's reconstruction error), a reason
    /// per anomaly naming the two features it reconstructs worst.
    /// </summary>
    private static Dictionary<int, Reason>? ModelReasons(PreparedInput prepared, IAnomalyModel model, Severity[] severities)
    {
        if (model is not IFeatureErrors attribution)
        {
            return null;
        }

        var anomalies = Enumerable.Range(0, severities.Length).Where(i => severities[i] != Severity.Normal).ToList();
        var columns = prepared.Matrix.Columns;
        var errors = attribution.FeatureErrors(prepared.Matrix, anomalies);
        var reasons = new Dictionary<int, Reason>(anomalies.Count);
        for (var a = 0; a < anomalies.Count; a++)
        {
            var row = new ArraySegment<double>(errors, a * columns, columns);
            var total = 0.0;
            foreach (var e in row)
            {
                total += e;
            }

            var worst = Enumerable.Range(0, columns).OrderByDescending(c => row[c]).Take(2).Where(c => row[c] > 0.1 * total).ToList();
            if (worst.Count > 0)
            {
                var names = string.Join(", ", worst.Select(c => FeatureDescriptions.Of(prepared.Matrix.Names[c])));
                reasons[anomalies[a]] = new Reason($"hardest to reconstruct: {names}", 65);
            }
        }

        return reasons;
    }
}

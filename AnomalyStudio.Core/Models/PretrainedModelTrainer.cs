using System.Text;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Models;

/// <summary>
/// Trains the pretrained models on generated samples (an access log and a metrics CSV on a fixed seed that
/// differs from the published samples'), through the same parse and feature stages as a detection, and
/// calibrates them on their training scores.
/// </summary>
public sealed class PretrainedModelTrainer(PipelineOptions options, DetectorCatalog catalog)
{
    /// <summary>Seed of the generated training data (the published samples use <see cref="SampleFiles.Seed"/>).</summary>
    public const int TrainingDataSeed = 7;

    public const int TrainingLogLines = 20_000;

    public const int TrainingCsvRows = 10_000;

    public StoredModel Train(IAnomalyDetector detector, FeatureKind kind, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (bytes, name, description) = kind switch
        {
            FeatureKind.AccessLog => (Generate(w => new AccessLogSampleGenerator(TrainingDataSeed).Write(w, null, TrainingLogLines)),
                "training.log", $"generated access log, seed {TrainingDataSeed}, {TrainingLogLines:N0} lines"),
            FeatureKind.CsvSummary => (Generate(w => new MetricsSampleGenerator(TrainingDataSeed).Write(w, TrainingCsvRows)),
                "training.csv", $"generated metrics CSV, seed {TrainingDataSeed}, {TrainingCsvRows:N0} rows"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only access-log and CSV-summary models are pretrained."),
        };

        using var stream = new MemoryStream(bytes, writable: false);
        var prepared = InputPreparer.Prepare(stream, name, _ => false, options.Limits, cancellationToken: cancellationToken);
        return Fit(detector, prepared.Matrix, kind, description, progress, cancellationToken);
    }

    /// <summary>Fits a model on a matrix and calibrates it on the same rows as its baseline (also what fit mode does with the uploaded file).</summary>
    public StoredModel Fit(IAnomalyDetector detector, FeatureMatrix matrix, FeatureKind kind, string description, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var model = detector.Fit(matrix, progress, cancellationToken);
        var thresholds = catalog.Thresholds(detector.Name);
        var baseline = model.Score(matrix, cancellationToken);
        var calibration = options.Calibration.Method == CalibrationMethod.Contamination
            ? ScoreCalibration.Fit(baseline, options.Contamination, thresholds)
            : ScoreCalibration.Robust(baseline, options.Calibration, thresholds);
        return new StoredModel(model, calibration, kind, DateTimeOffset.UtcNow, matrix.Rows, options.Seed, description) { BaselineScores = baseline };
    }

    private static byte[] Generate(Action<TextWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}

using System.Text;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Models;

/// <summary>
/// Trains the pretrained models on the generated data their formats declare (<see cref="PretrainedFeatures"/>: an access
/// log and a metrics CSV on a fixed seed that differs from the published samples'), through the same parse and feature
/// stages as a detection, and calibrates them on their training scores.
/// </summary>
/// <param name="formats">The input formats whose pretrained models are trained; <see cref="InputFormatCatalog.Standard"/> when null.</param>
public sealed class PretrainedModelTrainer(ITrainingSettings options, DetectorCatalog catalog, InputFormatCatalog? formats = null)
{
    public InputFormatCatalog Formats { get; } = formats ?? InputFormatCatalog.Standard;

    /// <summary>Seed of the generated training data (the published samples use another, <c>SampleFiles.Seed</c>).</summary>
    public const int TrainingDataSeed = PretrainedFeatures.TrainingDataSeed;

    public StoredModel Train(IAnomalyDetector detector, FeatureKind kind, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var pretrained = Formats.PretrainedOf(kind);
        var bytes = Generate(pretrained.Generate);
        using var stream = new MemoryStream(bytes, writable: false);
        var prepared = InputPreparer.Prepare(stream, pretrained.TrainingFileName, _ => false, options.Limits, cancellationToken: cancellationToken, formats: Formats);
        if (prepared.Kind != kind)
        {
            throw new InvalidOperationException($"The training data of the {kind} model ({pretrained.TrainingData}) gave {prepared.Kind} features.");
        }

        return Fit(detector, prepared.Matrix, kind, pretrained.TrainingData, progress, cancellationToken);
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

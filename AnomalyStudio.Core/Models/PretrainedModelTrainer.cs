using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Models;

/// <summary>
/// Trains the pretrained models on the generated data their formats declare (<see cref="PretrainedFeatures"/>: an access
/// log and a metrics CSV on a fixed seed that differs from the published samples'), through the same parse and feature
/// stages as a detection, and calibrates them on their training scores.
/// </summary>
/// <param name="featureSets">The pretrained feature sets, and how their training data is read (the input formats' catalog).</param>
public sealed class PretrainedModelTrainer(ITrainingSettings options, DetectorCatalog catalog, IPretrainedFeatureSets featureSets)
{
    public IPretrainedFeatureSets FeatureSets { get; } = featureSets;

    /// <summary>Seed of the generated training data (the published samples use another, <c>SampleFiles.Seed</c>).</summary>
    public const int TrainingDataSeed = PretrainedFeatures.TrainingDataSeed;

    public StoredModel Train(IAnomalyDetector detector, FeatureKind kind, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var pretrained = FeatureSets.PretrainedOf(kind);
        var matrix = FeatureSets.TrainingMatrix(pretrained, options.Limits, cancellationToken);
        return Fit(detector, matrix, kind, pretrained.TrainingData, progress, cancellationToken);
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
}

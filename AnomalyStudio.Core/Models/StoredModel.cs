using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Models;

/// <summary>A fitted model with everything needed to use it: its calibration, feature kind and provenance.</summary>
public sealed record StoredModel(
    IAnomalyModel Model,
    ScoreCalibration Calibration,
    FeatureKind Kind,
    DateTimeOffset TrainedAt,
    int TrainingRows,
    int Seed,
    string TrainingData)
{
    public string Detector => Model.Detector;

    /// <summary>
    /// The raw scores of the rows the model was fitted and calibrated on, when it was fitted in this process (never
    /// stored): fit mode scores exactly those rows, so it reuses them instead of scoring the file twice.
    /// </summary>
    public double[]? BaselineScores { get; init; }
}

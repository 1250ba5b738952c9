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
}

using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Detection;

/// <summary>
/// A fitted, immutable detector: safe to share between sessions and threads.
/// </summary>
public interface IAnomalyModel
{
    /// <summary>The detector that made it (<see cref="DetectorNames"/>).</summary>
    string Detector { get; }

    /// <summary>The features it was fitted on, in order; a matrix to score must have the same columns.</summary>
    IReadOnlyList<string> FeatureNames { get; }

    /// <summary>
    /// Raw anomaly scores, one per row, higher = more anomalous (as PyOD's <c>decision_function</c>). Their
    /// scale is the detector's own; <see cref="Scoring.ScoreCalibration"/> maps them to 0…1.
    /// </summary>
    double[] Score(FeatureMatrix features, CancellationToken cancellationToken = default);
}

using System.Text.Json;
using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Detection;

/// <summary>
/// A trainer: fits an <see cref="IAnomalyModel"/> to a feature matrix and reads and writes its models.
/// Every detector behaves the same from outside, so callers never ask which one they hold.
/// </summary>
public interface IAnomalyDetector
{
    /// <summary>The detector's name in the CLI, API and model files (<see cref="DetectorNames"/>).</summary>
    string Name { get; }

    /// <summary>The name shown to people ("Isolation Forest").</summary>
    string DisplayName { get; }

    /// <summary>Whether the detector can run on this machine, and why not when it cannot.</summary>
    DetectorAvailability Availability { get; }

    /// <summary>Fits a model; every random choice comes from the detector's seed, so a refit is bit-identical.</summary>
    IAnomalyModel Fit(FeatureMatrix features, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Writes the model's parameters (not its calibration, which the model store keeps beside it).</summary>
    void WriteModel(IAnomalyModel model, Utf8JsonWriter writer);

    /// <summary>Reads parameters written by <see cref="WriteModel"/>; throws <see cref="InvalidDataException"/> when they are unusable.</summary>
    IAnomalyModel ReadModel(JsonElement parameters, IReadOnlyList<string> featureNames);
}

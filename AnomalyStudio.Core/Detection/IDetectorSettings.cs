using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Detection;

/// <summary>
/// The settings a <see cref="DetectorCatalog"/> reads: the seed, and each detector's options and thresholds by its name.
/// The pipeline's options carry them; the catalog asks only for this, so detection does not depend on the pipeline.
/// </summary>
public interface IDetectorSettings
{
    /// <summary>Seed of every model fit.</summary>
    int Seed { get; }

    /// <summary>Options of each detector by its name, of its registration's options type; a detector not named has its defaults.</summary>
    IReadOnlyDictionary<string, object> Detectors { get; }

    /// <summary>Severity thresholds of each detector by its name; a detector not named has its registration's defaults.</summary>
    IReadOnlyDictionary<string, SeverityThresholds> Thresholds { get; }
}

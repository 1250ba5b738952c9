using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Models;

/// <summary>
/// The settings a fit reads besides the detectors': how its baseline scores are calibrated, and the parse limits of the
/// generated training data. The pipeline's options carry them; trainers ask only for this, so they do not depend on the pipeline.
/// </summary>
public interface ITrainingSettings : IDetectorSettings
{
    /// <summary>Expected share of anomalies in training data, used only by <see cref="CalibrationMethod.Contamination"/>.</summary>
    double Contamination { get; }

    /// <summary>How raw scores become 0…1 scores and severities.</summary>
    CalibrationOptions Calibration { get; }

    ParseLimits Limits { get; }
}

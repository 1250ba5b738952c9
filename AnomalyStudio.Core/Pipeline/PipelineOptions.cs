using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>Settings of the detection pipeline; the App binds them from configuration.</summary>
public sealed record PipelineOptions : ITrainingSettings
{
    /// <summary>Seed of every random choice (model fits, generated training data stays on its own fixed seed).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Expected share of anomalies in training data, used only by <see cref="CalibrationMethod.Contamination"/>: that
    /// share of training records reaches the low threshold.
    /// </summary>
    public double Contamination { get; init; } = 0.1;

    /// <summary>How raw scores become 0…1 scores and severities.</summary>
    public CalibrationOptions Calibration { get; init; } = new();

    /// <summary>In <see cref="DetectionMode.Auto"/>, a file with at least this many records is its own baseline.</summary>
    public int MinBaselineRecords { get; init; } = DefaultMinBaselineRecords;

    public const int DefaultMinBaselineRecords = 200;

    /// <summary>
    /// Options of each detector by its name, of its registration's options type (<see cref="DetectorRegistration.OptionsType"/>);
    /// a detector not named here runs with its defaults. The catalog validates them when it registers the detector.
    /// </summary>
    public IReadOnlyDictionary<string, object> Detectors { get; init; } = new Dictionary<string, object>();

    /// <summary>Severity thresholds of each detector by its name; a detector not named here has its registration's defaults.</summary>
    public IReadOnlyDictionary<string, SeverityThresholds> Thresholds { get; init; } = new Dictionary<string, SeverityThresholds>();

    public ParseLimits Limits { get; init; } = ParseLimits.Default;

    public PipelineOptions Validate()
    {
        if (!(Contamination > 0 && Contamination < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(Contamination), Contamination, "Contamination must be between 0 and 0.5 (exclusive).");
        }

        if (MinBaselineRecords < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinBaselineRecords), MinBaselineRecords, "MinBaselineRecords must be at least 2.");
        }

        Calibration.Validate();
        _ = new DetectorCatalog(this); // validates the options and thresholds of every standard detector
        return this;
    }
}

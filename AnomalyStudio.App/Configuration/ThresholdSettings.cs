using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.App.Configuration;

/// <summary>Severity thresholds of one model, bound from configuration.</summary>
public sealed class ThresholdSettings
{
    public double Critical { get; set; }

    public double High { get; set; }

    public double Medium { get; set; }

    public double Low { get; set; }

    public static ThresholdSettings From(SeverityThresholds thresholds) =>
        new() { Critical = thresholds.Critical, High = thresholds.High, Medium = thresholds.Medium, Low = thresholds.Low };

    public SeverityThresholds ToThresholds() => new(Critical, High, Medium, Low);
}

using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.App.Configuration;

/// <summary>The isolation forest's settings, bound from <c>AnomalyStudio:IsolationForest</c>.</summary>
public sealed class IsolationForestSettings
{
    public int Trees { get; set; } = 100;

    public int SampleSize { get; set; } = 256;

    public ThresholdSettings Thresholds { get; set; } = ThresholdSettings.From(SeverityThresholds.IsolationForestDefaults);
}

using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Reporting;

/// <summary>The lower-case words reports use for enums (the JSON contract); formats and models name themselves.</summary>
public static class ReportNames
{
    public static string Of(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.High => "high",
        Severity.Medium => "medium",
        Severity.Low => "low",
        _ => "normal",
    };

    public static string Of(DetectionMode mode) => DetectionModes.Of(mode);

    public static string Of(PipelineStage stage) => stage.ToString().ToLowerInvariant();
}

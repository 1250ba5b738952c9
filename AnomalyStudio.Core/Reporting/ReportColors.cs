using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Reporting;

/// <summary>The severities' colours, one palette for the dashboard's badges and charts and the HTML report.</summary>
public static class ReportColors
{
    public static string Of(Severity severity) => severity switch
    {
        Severity.Critical => "#c62828",
        Severity.High => "#ef6c00",
        Severity.Medium => "#f9a825",
        Severity.Low => "#1e88e5",
        _ => "#9e9e9e",
    };
}

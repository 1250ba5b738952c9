using AnomalyStudio.Core.Scoring;
using MudBlazor;
using Severity = AnomalyStudio.Core.Scoring.Severity;

namespace AnomalyStudio.App.Components.Controls;

/// <summary>The colours and words of the severities, shared by the badges, chips and charts.</summary>
public static class SeverityStyle
{
    /// <summary>Most severe first, as the chips and bars are shown.</summary>
    public static readonly Severity[] Order = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Normal];

    public static string Hex(Severity severity) => Core.Reporting.ReportColors.Of(severity);

    public static Color Color(Severity severity) => severity switch
    {
        Severity.Critical => MudBlazor.Color.Error,
        Severity.High => MudBlazor.Color.Warning,
        Severity.Medium => MudBlazor.Color.Tertiary,
        Severity.Low => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    public static string Name(Severity severity) => Core.Reporting.ReportNames.Of(severity);
}

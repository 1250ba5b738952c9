using AnomalyStudio.Core.Scoring;
using MudBlazor;
using Severity = AnomalyStudio.Core.Scoring.Severity;

namespace AnomalyStudio.App.Components.Controls;

/// <summary>The colours and words of the severities, shared by the badges, chips and charts.</summary>
public static class SeverityStyle
{
    /// <summary>Most severe first, as the chips and bars are shown.</summary>
    public static readonly Severity[] Order = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Normal];

    public static string Hex(Severity severity) => severity switch
    {
        Severity.Critical => "#c62828",
        Severity.High => "#ef6c00",
        Severity.Medium => "#f9a825",
        Severity.Low => "#1e88e5",
        _ => "#9e9e9e",
    };

    /// <summary>
    /// The text colour on a severity's fill: white on the dark red, near-black on the lighter shades. Each pair has a
    /// contrast of at least 4.5:1 (WCAG 2.1 AA), so the palette keeps its familiar hues in both themes.
    /// </summary>
    public static string TextOn(Severity severity) => severity == Severity.Critical ? "#ffffff" : "#000000";

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

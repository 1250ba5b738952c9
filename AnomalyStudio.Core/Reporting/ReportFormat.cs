namespace AnomalyStudio.Core.Reporting;

/// <summary>Output formats of a detection report.</summary>
public enum ReportFormat
{
    Table,
    Json,
    Csv,

    /// <summary>One self-contained page to hand on (<see cref="HtmlReportWriter"/>).</summary>
    Html,
}

namespace AnomalyStudio.Core.Reporting;

/// <summary>Output formats of a detection report.</summary>
public enum ReportFormat
{
    Table,
    Json,
    Csv,
}

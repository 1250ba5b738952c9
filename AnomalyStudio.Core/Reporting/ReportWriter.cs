namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// The one choice of report writer, shared by the CLI's <c>detect</c> and the dashboard's export: a format by name, or
/// by the output file's extension, and the writer that goes with it.
/// </summary>
public static class ReportWriter
{
    /// <summary>The names <see cref="Choose"/> accepts, for help texts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["table", "json", "csv", "html"];

    /// <summary>The format named (case-insensitive), else the one the output's extension names, else the table.</summary>
    public static ReportFormat Choose(string? format, string? outputName = null) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" => Path.GetExtension(outputName)?.ToLowerInvariant() switch
        {
            ".json" => ReportFormat.Json,
            ".csv" => ReportFormat.Csv,
            ".html" or ".htm" => ReportFormat.Html,
            _ => ReportFormat.Table,
        },
        "json" => ReportFormat.Json,
        "csv" => ReportFormat.Csv,
        "html" => ReportFormat.Html,
        "table" => ReportFormat.Table,
        _ => throw new InvalidInputException($"Unknown report format '{format}'. Choose one of: {string.Join(", ", Names)}."),
    };

    /// <summary>The extension a downloaded report of <paramref name="format"/> gets.</summary>
    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Json => ".json",
        ReportFormat.Csv => ".csv",
        ReportFormat.Html => ".html",
        _ => ".txt",
    };

    /// <summary>Writes the report of every record, or of the <paramref name="limit"/> highest scores.</summary>
    public static async Task WriteAsync(Stream output, ReportFormat format, Pipeline.DetectionResult result, int? limit, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case ReportFormat.Json:
                await JsonReportWriter.WriteAsync(output, result, limit, cancellationToken).ConfigureAwait(false);
                break;
            case ReportFormat.Csv:
                await CsvReportWriter.WriteAsync(output, result, limit, cancellationToken).ConfigureAwait(false);
                break;
            case ReportFormat.Html:
                await HtmlReportWriter.WriteAsync(output, result, limit, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await using (var writer = new StreamWriter(output, leaveOpen: true))
                {
                    await TableReportWriter.WriteAsync(writer, result, limit).ConfigureAwait(false);
                }

                break;
        }
    }

    /// <summary>Writes the report of the records a view selected, in its order; a table lists only the top rows, so it is not offered.</summary>
    public static Task WriteSelectionAsync(Stream output, ReportFormat format, Pipeline.DetectionResult result, IReadOnlyList<int> selection, CancellationToken cancellationToken) =>
        format switch
        {
            ReportFormat.Json => JsonReportWriter.WriteSelectionAsync(output, result, selection, cancellationToken),
            ReportFormat.Csv => CsvReportWriter.WriteSelectionAsync(output, result, selection, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A selection is exported as JSON or CSV."),
        };
}

using AnomalyStudio.Core;
using AnomalyStudio.Core.Patterns;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;

namespace AnomalyStudio.App.Cli;

/// <summary><c>detect --patterns [--pattern-field NAME]</c>: what the request asks the pipeline for, and the report that replaces the records' one.</summary>
public static class PatternReport
{
    /// <summary>The pattern options asked for; null when <c>--patterns</c> was not given.</summary>
    public static PatternOptions? Request(bool patterns, string? field, bool entitiesOrSpikes)
    {
        if (!patterns)
        {
            return field is null ? null : throw new InvalidInputException("--pattern-field goes with --patterns.");
        }

        if (entitiesOrSpikes)
        {
            throw new InvalidInputException("Choose one of --patterns, --entities and --spikes: each replaces the records' report.");
        }

        return new PatternOptions { Field = string.IsNullOrWhiteSpace(field) ? null : field }.Validate();
    }

    /// <summary>Writes the patterns of <paramref name="result"/> as a table, JSON or CSV.</summary>
    public static async Task WriteAsync(
        DetectionResult result, ReportFormat format, TextWriter output, Func<Stream> destination, bool toFile, int? limit, CancellationToken cancellationToken)
    {
        var patterns = result.PatternSummary();
        if (format is ReportFormat.Json or ReportFormat.Csv || toFile)
        {
            await using var stream = destination();
            switch (format)
            {
                case ReportFormat.Json:
                    await PatternReportWriter.WriteJsonAsync(stream, result.FileName, patterns, limit, cancellationToken).ConfigureAwait(false);
                    break;
                case ReportFormat.Csv:
                    await PatternReportWriter.WriteCsvAsync(stream, patterns, limit, cancellationToken).ConfigureAwait(false);
                    break;
                case ReportFormat.Table:
                    await using (var writer = new StreamWriter(stream))
                    {
                        await PatternReportWriter.WriteTableAsync(writer, result.FileName, patterns, limit).ConfigureAwait(false);
                    }

                    break;
                default:
                    throw new InvalidInputException("Patterns are reported as a table, JSON or CSV; the HTML report already holds them.");
            }

            return;
        }

        await PatternReportWriter.WriteTableAsync(output, result.FileName, patterns, limit).ConfigureAwait(false);
    }
}

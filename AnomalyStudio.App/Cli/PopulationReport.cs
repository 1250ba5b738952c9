using AnomalyStudio.Core;
using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.App.Cli;

/// <summary>
/// <c>detect --entities</c> and <c>detect --spikes</c>: what the request asks the pipeline for, and the report that
/// replaces the records' one (entities as table, JSON or CSV; spikes as table or JSON).
/// </summary>
public static class PopulationReport
{
    public static (EntityOptions? Entities, SpikeOptions? Spikes) Request(bool entities, bool spikes, bool sessions, string? column)
    {
        if (entities && spikes)
        {
            throw new InvalidInputException("Choose one of --entities and --spikes: each replaces the records' report.");
        }

        if (!entities && (sessions || column is not null))
        {
            throw new InvalidInputException("--sessions and --entity-column go with --entities.");
        }

        return (entities ? new EntityOptions { Sessions = sessions, Column = column }.Validate() : null, spikes ? new SpikeOptions() : null);
    }

    /// <summary>Writes the entity or spike report; false when the request asked for neither (the records' report is written instead).</summary>
    public static async Task<bool> TryWriteAsync(
        (EntityOptions? Entities, SpikeOptions? Spikes) asked, DetectionResult result, ReportFormat format, TextWriter output, Func<Stream> destination, bool toFile, int? limit, CancellationToken cancellationToken)
    {
        var entities = asked.Entities is not null;
        if (!entities && asked.Spikes is null)
        {
            return false;
        }

        if (!entities && format == ReportFormat.Csv)
        {
            throw new InvalidInputException("Spikes are reported as a table or JSON, not CSV.");
        }

        await using var stream = destination();
        switch (format)
        {
            case ReportFormat.Json when entities:
                await EntityReportWriter.WriteJsonAsync(stream, result, limit, cancellationToken).ConfigureAwait(false);
                break;
            case ReportFormat.Json:
                await SpikeReportWriter.WriteJsonAsync(stream, result.FileName, result.Spikes, null, false, cancellationToken).ConfigureAwait(false);
                break;
            case ReportFormat.Csv:
                await EntityReportWriter.WriteCsvAsync(stream, result, limit, cancellationToken).ConfigureAwait(false);
                break;
            default:
                var writer = toFile ? new StreamWriter(stream) : output;
                if (entities)
                {
                    await EntityReportWriter.WriteTableAsync(writer, result, limit).ConfigureAwait(false);
                }
                else
                {
                    await SpikeReportWriter.WriteTableAsync(writer, result.FileName, result.Spikes).ConfigureAwait(false);
                }

                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (toFile)
                {
                    await writer.DisposeAsync().ConfigureAwait(false);
                }

                break;
        }

        return true;
    }
}

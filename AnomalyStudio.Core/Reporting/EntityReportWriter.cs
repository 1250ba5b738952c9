using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// Writes a detection's entities, highest score first, as the contract shared by <c>detect --entities</c> and
/// <c>POST /api/detect?view=entities</c>: JSON (file, format, entityKind, column, model, total, severityCounts,
/// notes, entities with rank, key, score, severity, explanation, summary and the measures behind them), CSV (one row
/// per entity, formula-safe) or an aligned table for a terminal.
/// </summary>
public static class EntityReportWriter
{
    public const string CsvHeader = "rank,entity,score,severity,records,first_seen,last_seen,peak_per_minute,distinct_targets,client_errors,server_errors,auth_failures,posts,payload_records,bytes,explanation,summary";

    private static void WriteNullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static async Task WriteJsonAsync(Stream output, DetectionResult result, int? limit = null, CancellationToken cancellationToken = default)
    {
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("file", result.FileName);
        writer.WriteString("format", result.Format.Name);
        var entities = result.Entities;
        writer.WriteString("entityKind", entities is null ? null : Kind(entities.Kind));
        writer.WriteString("column", entities?.Column);
        writer.WriteString("model", entities?.Model);
        writer.WriteNumber("total", entities?.Count ?? 0);
        writer.WriteStartObject("severityCounts");
        var counts = entities?.Counts;
        foreach (var severity in new[] { Scoring.Severity.Critical, Scoring.Severity.High, Scoring.Severity.Medium, Scoring.Severity.Low, Scoring.Severity.Normal })
        {
            writer.WriteNumber(ReportNames.Of(severity), counts?[severity] ?? 0);
        }

        writer.WriteEndObject();
        if (entities?.Evaluation is { } evaluation)
        {
            writer.WriteStartObject("evaluation");
            WriteNullable(writer, "rocAuc", evaluation.RocAuc);
            WriteNullable(writer, "averagePrecision", evaluation.AveragePrecision);
            WriteNullable(writer, "precision", evaluation.Flag?.Precision);
            WriteNullable(writer, "recall", evaluation.Flag?.Recall);
            WriteNullable(writer, "f1", evaluation.Flag?.F1);
            WriteNullable(writer, "bestF1", evaluation.Flag?.BestF1);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("notes");
        foreach (var note in result.Notes)
        {
            writer.WriteStringValue(note);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("entities");
        if (entities is not null)
        {
            var rank = 0;
            foreach (var e in Selection(entities, limit))
            {
                var p = entities.Profiles[e];
                writer.WriteStartObject();
                writer.WriteNumber("rank", ++rank);
                writer.WriteString("key", p.Key);
                writer.WriteNumber("score", entities.Scores[e]);
                writer.WriteString("severity", ReportNames.Of(entities.Severities[e]));
                writer.WriteString("explanation", entities.Explanations[e]);
                writer.WriteString("summary", entities.Summaries[e]);
                writer.WriteNumber("records", p.Records);
                WriteTime(writer, "firstSeen", p.FirstSeen);
                WriteTime(writer, "lastSeen", p.LastSeen);
                writer.WriteNumber("peakPerMinute", p.PeakPerMinute);
                writer.WriteNumber("distinctTargets", p.DistinctTargets);
                writer.WriteNumber("clientErrors", p.ClientErrors);
                writer.WriteNumber("serverErrors", p.ServerErrors);
                writer.WriteNumber("authFailures", p.AuthFailures);
                writer.WriteNumber("posts", p.Posts);
                writer.WriteNumber("payloadRecords", p.PayloadRecords);
                writer.WriteNumber("bytes", p.Bytes);
                writer.WriteString("agent", p.Agent.ToString());
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteCsvAsync(Stream output, DetectionResult result, int? limit = null, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        if (result.Entities is { } entities)
        {
            var rank = 0;
            foreach (var e in Selection(entities, limit))
            {
                var p = entities.Profiles[e];
                text.Append(CultureInfo.InvariantCulture, $"{++rank},{CsvCell.Format(p.Key)},{entities.Scores[e].ToString("0.######", CultureInfo.InvariantCulture)},{ReportNames.Of(entities.Severities[e])},")
                    .Append(CultureInfo.InvariantCulture, $"{p.Records},{Time(p.FirstSeen)},{Time(p.LastSeen)},{p.PeakPerMinute},{p.DistinctTargets},{p.ClientErrors},{p.ServerErrors},{p.AuthFailures},{p.Posts},{p.PayloadRecords},{p.Bytes},")
                    .Append(CsvCell.Format(entities.Explanations[e])).Append(',').Append(CsvCell.Format(entities.Summaries[e])).Append('\n');
            }
        }

        await output.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The entities for a terminal: the unusual ones (or the first <paramref name="limit"/>), text from the file made inert.</summary>
    public static async Task WriteTableAsync(TextWriter output, DetectionResult result, int? limit = null)
    {
        if (result.Entities is not { } entities)
        {
            await output.WriteLineAsync($"{InertText.ForTerminal(result.FileName)}: no entities (the file has no client or identifier column to group by).").ConfigureAwait(false);
            return;
        }

        var c = entities.Counts;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{InertText.ForTerminal(result.FileName)}: {entities.Count:N0} {InertText.ForTerminal(entities.Column)} entities, {c.Anomalies:N0} unusual: critical {c.Critical:N0}, high {c.High:N0}, medium {c.Medium:N0}, low {c.Low:N0}, normal {c.Normal:N0}")).ConfigureAwait(false);
        foreach (var note in entities.Notes)
        {
            await output.WriteLineAsync("note: " + InertText.ForTerminal(note)).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        var rows = Selection(entities, limit ?? TableReportWriter.DefaultRows).Where(e => limit is not null || entities.Severities[e] != Scoring.Severity.Normal).ToList();
        if (rows.Count == 0)
        {
            await output.WriteLineAsync("No unusual entities.").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync($"{"rank",4}  {"score",6}  {"severity",-8}  {"records",8}  explanation").ConfigureAwait(false);
        var rank = 0;
        foreach (var e in rows)
        {
            var text = entities.Severities[e] == Scoring.Severity.Normal ? $"{entities.Profiles[e].Key}: {entities.Summaries[e]}" : entities.Explanations[e];
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{++rank,4}  {entities.Scores[e],6:0.000}  {ReportNames.Of(entities.Severities[e]),-8}  {entities.Profiles[e].Records,8:N0}  {InertText.ForTerminal(text)}")).ConfigureAwait(false);
        }
    }

    private static IEnumerable<int> Selection(EntityAnalysis entities, int? limit) => limit is { } n ? entities.Ranked.Take(Math.Max(0, n)) : entities.Ranked;

    public static string Kind(EntityKind kind) => kind switch
    {
        EntityKind.Session => "session",
        EntityKind.Identifier => "identifier",
        _ => "client",
    };

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            writer.WriteString(name, t);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";
}

using AnomalyStudio.Core.Scoring;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnomalyStudio.Core.Parsing.LineLogs;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// Writes a detection as the JSON contract shared by <c>detect --format json</c> and <c>POST /api/detect</c>:
/// file, format, model, mode, summary (total, anomalies, anomalyPercent, severityCounts, skippedLines, rocAuc,
/// averagePrecision, and with labels precision, recall, f1 and bestF1 of the flag), threshold (score, method, distance,
/// reason, flagged) and records (line, timestamp, identifier, score, severity, explanation, and templateId and template
/// when the format mines message templates: a line log, JSON lines with a message), plus extra
/// fields (thresholds, skipped examples, stage timings, notes). Streams, so a million records never sit in memory as JSON.
/// </summary>
public static class JsonReportWriter
{
    public static Task WriteAsync(Stream output, DetectionResult result, int? limit = null, CancellationToken cancellationToken = default) =>
        WriteSelectionAsync(output, result, ReportSelection.Select(result.Records, limit), cancellationToken);

    /// <summary>Writes the report with the records at <paramref name="selection"/> (indices into the result), in that order.</summary>
    public static async Task WriteSelectionAsync(Stream output, DetectionResult result, IReadOnlyList<int> selection, CancellationToken cancellationToken = default)
    {
        // Relaxed escaping keeps explanations readable (no \u0027 for quotes); the output is JSON, never HTML.
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("file", result.FileName);
        writer.WriteString("format", result.Format.Name);
        writer.WriteString("model", result.Model);
        writer.WriteString("mode", ReportNames.Of(result.Mode));

        var summary = result.Summary;
        writer.WriteStartObject("summary");
        writer.WriteNumber("total", summary.Total);
        writer.WriteNumber("anomalies", summary.Anomalies);
        writer.WriteNumber("anomalyPercent", Math.Round(summary.AnomalyPercent, 4));
        writer.WriteStartObject("severityCounts");
        writer.WriteNumber("critical", summary.SeverityCounts.Critical);
        writer.WriteNumber("high", summary.SeverityCounts.High);
        writer.WriteNumber("medium", summary.SeverityCounts.Medium);
        writer.WriteNumber("low", summary.SeverityCounts.Low);
        writer.WriteNumber("normal", summary.SeverityCounts.Normal);
        writer.WriteEndObject();
        writer.WriteNumber("skippedLines", summary.SkippedLines);
        WriteNullable(writer, "rocAuc", summary.RocAuc);
        WriteNullable(writer, "averagePrecision", summary.AveragePrecision);
        WriteNullable(writer, "precision", summary.Flag?.Precision);
        WriteNullable(writer, "recall", summary.Flag?.Recall);
        WriteNullable(writer, "f1", summary.Flag?.F1);
        WriteNullable(writer, "bestF1", summary.Flag?.BestF1);
        writer.WriteNumber("elapsedSeconds", Math.Round(result.Elapsed.TotalSeconds, 4));
        writer.WriteEndObject();

        writer.WriteStartObject("threshold");
        writer.WriteNumber("score", result.Threshold.Score);
        writer.WriteString("method", result.Threshold.MethodName);
        WriteNullable(writer, "distance", result.Threshold.Distance);
        writer.WriteString("reason", result.Threshold.Reason);
        writer.WriteNumber("flagged", summary.Anomalies);
        writer.WriteEndObject();

        if (result.Rules.Count > 0)
        {
            WriteRules(writer, result);
        }

        writer.WriteStartObject("thresholds");
        writer.WriteNumber("critical", result.Thresholds.Critical);
        writer.WriteNumber("high", result.Thresholds.High);
        writer.WriteNumber("medium", result.Thresholds.Medium);
        writer.WriteNumber("low", result.Thresholds.Low);
        writer.WriteEndObject();

        writer.WriteStartArray("featureNames");
        foreach (var name in result.Features.Names)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("skipped");
        foreach (var skipped in result.SkippedExamples)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", skipped.LineNumber);
            writer.WriteString("reason", skipped.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject("timings");
        foreach (var timing in result.Timings)
        {
            writer.WriteNumber(ReportNames.Of(timing.Stage), Math.Round(timing.Elapsed.TotalSeconds, 4));
        }

        writer.WriteEndObject();

        writer.WriteStartArray("notes");
        foreach (var note in result.Notes)
        {
            writer.WriteStringValue(note);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("records");
        var written = 0;
        var records = result.Records;
        var templates = result.Templates;
        foreach (var i in selection)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", records.Line(i));
            if (records.Timestamp(i) is { } timestamp)
            {
                writer.WriteString("timestamp", timestamp);
            }
            else
            {
                writer.WriteNull("timestamp");
            }

            writer.WriteString("identifier", records.Identifier(i));
            writer.WriteNumber("score", records.Scores[i]);
            writer.WriteString("severity", ReportNames.Of(records.Severities[i]));
            writer.WriteString("explanation", records.Explanations[i]);
            if (templates is not null)
            {
                WriteTemplate(writer, templates[i]);
            }

            writer.WriteEndObject();
            if (++written % 8192 == 0)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteTemplate(Utf8JsonWriter writer, LogTemplate? template)
    {
        if (template is null)
        {
            writer.WriteNull("templateId");
            writer.WriteNull("template");
        }
        else
        {
            writer.WriteString("templateId", template.Id);
            writer.WriteString("template", template.Text);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>The analyst's rules, each with the records it marked as expected (<c>detect --rules</c>).</summary>
    private static void WriteRules(Utf8JsonWriter writer, DetectionResult result)
    {
        writer.WriteStartArray("rules");
        for (var r = 0; r < result.Rules.Count; r++)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", result.Rules.Rules[r].Describe());
            writer.WriteNumber("expected", result.RuleMatches[r]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using AnomalyStudio.Core.Pipeline.Comparison;

namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// Writes a comparison as the contract shared by <c>compare</c> and <c>POST /api/compare</c>: JSON (baseline, incident,
/// their record counts, for two windows of one file the file and both windows, text, patterns and values with kind, field, value, counts, lift and p-value, newEntities) or a table.
/// </summary>
public static class ComparisonReportWriter
{
    public static async Task WriteJsonAsync(Stream output, ComparisonResult comparison, CancellationToken cancellationToken = default)
    {
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("baseline", comparison.BaselineFile);
        writer.WriteString("incident", comparison.IncidentFile);
        writer.WriteNumber("baselineRecords", comparison.BaselineRecords);
        writer.WriteNumber("incidentRecords", comparison.IncidentRecords);
        if (comparison.WindowsOf is { } file && comparison.Windows is { } windows)
        {
            // Two windows of one file: which, each {start, end}, or null for the rest of the file.
            writer.WriteString("file", file);
            WriteWindow(writer, "baselineWindow", windows.Baseline);
            WriteWindow(writer, "incidentWindow", windows.Incident);
        }

        writer.WriteString("text", comparison.Text);
        WriteChanges(writer, "patterns", comparison.Patterns);
        WriteChanges(writer, "values", comparison.Values);
        writer.WriteNumber("newEntityCount", comparison.NewEntityCount);
        writer.WriteStartArray("newEntities");
        foreach (var e in comparison.NewEntities)
        {
            writer.WriteStartObject();
            writer.WriteString("key", e.Key);
            writer.WriteNumber("records", e.Records);
            writer.WriteNumber("score", Math.Round(e.Score, 3));
            writer.WriteString("severity", ReportNames.Of(e.Severity));
            writer.WriteString("explanation", e.Explanation);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("notes");
        foreach (var note in comparison.Notes)
        {
            writer.WriteStringValue(note);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteTableAsync(TextWriter output, ComparisonResult comparison)
    {
        await output.WriteLineAsync(InertText.ForTerminal(comparison.Text)).ConfigureAwait(false);
        foreach (var note in comparison.Notes)
        {
            await output.WriteLineAsync("note: " + InertText.ForTerminal(note)).ConfigureAwait(false);
        }

        await Section(output, "Patterns", comparison.Patterns.Select(c => c.Text)).ConfigureAwait(false);
        await Section(output, "Field values", comparison.Values.Select(c => c.Text)).ConfigureAwait(false);
        await Section(output, $"Entities only in the incident ({comparison.NewEntityCount:N0})", comparison.NewEntities.Select(e =>
            $"{e.Key}: {e.Records:N0} records, {ReportNames.Of(e.Severity)} {e.Score:0.000}: {e.Explanation}")).ConfigureAwait(false);
    }

    private static async Task Section(TextWriter output, string title, IEnumerable<string> lines)
    {
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(title).ConfigureAwait(false);
        var any = false;
        foreach (var line in lines)
        {
            await output.WriteLineAsync("  " + InertText.ForTerminal(line)).ConfigureAwait(false);
            any = true;
        }

        if (!any)
        {
            await output.WriteLineAsync("  (none)").ConfigureAwait(false);
        }
    }

    private static void WriteWindow(Utf8JsonWriter writer, string name, Spikes.TimeWindow? window)
    {
        if (window is not { } w)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("start", w.Start);
        writer.WriteString("end", w.End);
        writer.WriteEndObject();
    }

    private static void WriteChanges(Utf8JsonWriter writer, string name, IReadOnlyList<ValueChange> changes)
    {
        writer.WriteStartArray(name);
        foreach (var c in changes)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", c.Kind switch { ChangeKind.New => "new", ChangeKind.Gone => "gone", ChangeKind.MoreCommon => "more", _ => "less" });
            writer.WriteString("field", c.Field);
            writer.WriteString("value", c.Value);
            writer.WriteNumber("incidentCount", c.IncidentCount);
            writer.WriteNumber("incidentTotal", c.IncidentTotal);
            writer.WriteNumber("baselineCount", c.BaselineCount);
            writer.WriteNumber("baselineTotal", c.BaselineTotal);
            writer.WriteNumber("lift", Math.Round(c.Lift, 3));
            writer.WriteNumber("pValue", c.PValue);
            writer.WriteString("text", c.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}

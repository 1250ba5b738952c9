using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnomalyStudio.Core.Patterns;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// Writes a detection's patterns, most frequent first, as the contract shared by <c>detect --patterns</c>,
/// <c>POST /api/detect?view=patterns</c> and <c>GET /api/session/patterns</c>: JSON (file, source, field, records,
/// withoutPattern, the sparkline's span, and per pattern templateId, template, count, share, firstSeen, lastSeen,
/// firstLine, lastLine, severityCounts, badges and sparkline), CSV (one row per pattern, formula-safe) or a table.
/// </summary>
public static class PatternReportWriter
{
    public const string CsvHeader = "template_id,template,count,share,first_seen,last_seen,first_line,last_line,critical,high,medium,low,normal,badges,sparkline";

    private static readonly Severity[] Bands = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Normal];

    public static async Task WriteJsonAsync(Stream output, string fileName, PatternSummary? patterns, int? limit = null, CancellationToken cancellationToken = default)
    {
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("file", fileName);
        writer.WriteString("source", patterns?.Source);
        writer.WriteString("field", patterns?.Field);
        writer.WriteNumber("records", patterns?.Records ?? 0);
        writer.WriteNumber("withoutPattern", patterns?.WithoutPattern ?? 0);
        writer.WriteNumber("total", patterns?.Patterns.Count ?? 0);
        WriteSpan(writer, patterns);
        writer.WriteStartArray("patterns");
        foreach (var pattern in Selection(patterns, limit))
        {
            WritePattern(writer, pattern);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteCsvAsync(Stream output, PatternSummary? patterns, int? limit = null, CancellationToken cancellationToken = default)
    {
        var builder = new StringBuilder(CsvHeader).Append("\r\n");
        foreach (var p in Selection(patterns, limit))
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"{p.TemplateId},{CsvCell.Format(p.Template)},{p.Count},{Math.Round(p.Share, 6).ToString("R", CultureInfo.InvariantCulture)},{Time(p.FirstSeen)},{Time(p.LastSeen)},{p.FirstLine},{p.LastLine},");
            foreach (var band in Bands)
            {
                builder.Append(p.Severities[band]).Append(',');
            }

            builder.Append(BadgeText(p.Badges, ' ')).Append(',').Append(string.Join(' ', p.Sparkline)).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteTableAsync(TextWriter output, string fileName, PatternSummary? patterns, int? limit = null)
    {
        if (patterns is null)
        {
            await output.WriteLineAsync($"{InertText.ForTerminal(fileName)}: no patterns (the file has no text to group; choose a field with --pattern-field).").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{InertText.ForTerminal(fileName)}: {patterns.Patterns.Count:N0} patterns of the {InertText.ForTerminal(patterns.Source)} in {patterns.Records:N0} records: new {patterns.CountWith(PatternBadges.New):N0}, rare {patterns.CountWith(PatternBadges.Rare):N0}, bursting {patterns.CountWith(PatternBadges.Bursting):N0}")).ConfigureAwait(false);
        await output.WriteLineAsync("id        count   share  anomalies  first seen         last seen          badges          template").ConfigureAwait(false);
        var rows = Selection(patterns, limit ?? TableReportWriter.DefaultRows).ToList();
        foreach (var p in rows)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{p.TemplateId,-6}  {p.Count,7:N0}  {p.Share,6:0.0%}  {p.Severities.Anomalies,9:N0}  {TableTime(p.FirstSeen, p.FirstLine),-17}  {TableTime(p.LastSeen, p.LastLine),-17}  {BadgeText(p.Badges, ','),-14}  {InertText.ForTerminal(p.Template)}")).ConfigureAwait(false);
        }

        if (rows.Count < patterns.Patterns.Count)
        {
            await output.WriteLineAsync($"{rows.Count:N0} of {patterns.Patterns.Count:N0} patterns shown, most frequent first; --limit N for more, --format json or csv for all.").ConfigureAwait(false);
        }
    }

    /// <summary>"new rare bursting" (joined by <paramref name="separator"/>), or "" for none.</summary>
    public static string BadgeText(PatternBadges badges, char separator) => string.Join(separator,
        new[] { (PatternBadges.New, "new"), (PatternBadges.Rare, "rare"), (PatternBadges.Bursting, "bursting") }.Where(b => (badges & b.Item1) != 0).Select(b => b.Item2));

    private static IEnumerable<Pattern> Selection(PatternSummary? patterns, int? limit) =>
        patterns is null ? [] : limit is { } n ? patterns.Patterns.Take(n) : patterns.Patterns;

    private static void WritePattern(Utf8JsonWriter writer, Pattern p)
    {
        writer.WriteStartObject();
        writer.WriteString("templateId", p.TemplateId);
        writer.WriteString("template", p.Template);
        writer.WriteNumber("parameters", TemplateText.ParameterCount(p.Template));
        writer.WriteNumber("count", p.Count);
        writer.WriteNumber("share", Math.Round(p.Share, 6));
        WriteTime(writer, "firstSeen", p.FirstSeen);
        WriteTime(writer, "lastSeen", p.LastSeen);
        writer.WriteNumber("firstLine", p.FirstLine);
        writer.WriteNumber("lastLine", p.LastLine);
        writer.WriteStartObject("severityCounts");
        foreach (var band in Bands)
        {
            writer.WriteNumber(ReportNames.Of(band), p.Severities[band]);
        }

        writer.WriteEndObject();
        writer.WriteNumber("anomalies", p.Severities.Anomalies);
        writer.WriteStartArray("badges");
        foreach (var badge in BadgeText(p.Badges, ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            writer.WriteStringValue(badge);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("sparkline");
        foreach (var count in p.Sparkline)
        {
            writer.WriteNumberValue(count);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter writer, PatternSummary? patterns)
    {
        writer.WriteStartObject("sparkline");
        writer.WriteNumber("buckets", patterns?.Buckets ?? 0);
        WriteTime(writer, "start", patterns?.Start);
        if (patterns?.BucketWidth is { } width)
        {
            writer.WriteNumber("bucketSeconds", width.TotalSeconds);
        }
        else
        {
            writer.WriteNull("bucketSeconds");
        }

        writer.WriteString("by", patterns is { HasTime: true } ? "time" : "line");
        writer.WriteEndObject();
    }

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

    private static string Time(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string TableTime(DateTimeOffset? time, long line) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"line {line:N0}");
}

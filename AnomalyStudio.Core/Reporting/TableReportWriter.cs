using AnomalyStudio.Core.Scoring;
using System.Globalization;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// A report for people at a terminal: the summary and the most anomalous records as an aligned table. Text from
/// the file is printed through <see cref="InertText"/>, so escape sequences in a log cannot drive the terminal.
/// </summary>
public static class TableReportWriter
{
    public const int DefaultRows = 20;

    public static async Task WriteAsync(TextWriter output, DetectionResult result, int? limit = null)
    {
        var s = result.Summary;
        var c = s.SeverityCounts;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{InertText.ForTerminal(result.FileName)}: {result.Format.Name}, {result.Model}, {ReportNames.Of(result.Mode)} model")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{s.Total:N0} records, {s.Anomalies:N0} anomalies ({s.AnomalyPercent:0.##}%): critical {c.Critical:N0}, high {c.High:N0}, medium {c.Medium:N0}, low {c.Low:N0}, normal {c.Normal:N0}")).ConfigureAwait(false);
        var t = result.Threshold;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"threshold: {t.Score:0.###} ({t.MethodName}). {InertText.ForTerminal(t.Reason)}")).ConfigureAwait(false);
        if (result.Rules.Count > 0)
        {
            var rules = result.Rules.Rules.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"{InertText.ForTerminal(r.Describe())} ({result.RuleMatches[i]:N0})"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"expected by your rules: {result.Expected:N0} records, never flagged: {string.Join("; ", rules)}")).ConfigureAwait(false);
        }

        if (s.SkippedLines > 0)
        {
            var first = result.SkippedExamples.Take(3).Select(x => string.Create(CultureInfo.InvariantCulture, $"line {x.LineNumber}: {InertText.ForTerminal(x.Reason)}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{s.SkippedLines:N0} lines skipped ({string.Join("; ", first)})")).ConfigureAwait(false);
        }

        if (s.RocAuc is { } auc)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"against the labels: ROC-AUC {auc:0.0000}, average precision {s.AveragePrecision:0.0000}")).ConfigureAwait(false);
        }

        if (s.Flag is { } flag)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"the flag against the labels: precision {flag.Precision:0.000}, recall {flag.Recall:0.000}, F1 {flag.F1:0.000} (best F1 of any threshold {flag.BestF1:0.000})")).ConfigureAwait(false);
        }

        foreach (var note in result.Notes)
        {
            await output.WriteLineAsync("note: " + InertText.ForTerminal(note)).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"time: {string.Join(", ", result.Timings.Select(t => $"{ReportNames.Of(t.Stage)} {t.Elapsed.TotalSeconds:0.000}s"))}")).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);

        var rows = ReportSelection.Select(result.Records, limit ?? DefaultRows).Select(i => result.Records[i]).Where(r => limit is not null || r.IsAnomaly).ToList();
        if (rows.Count == 0)
        {
            await output.WriteLineAsync("No anomalies.").ConfigureAwait(false);
            return;
        }

        var ids = rows.Select(r => InertText.ForTerminal(r.Identifier)).ToList();
        var idWidth = Math.Clamp(ids.Max(id => id.Length), 10, 40);
        await output.WriteLineAsync($"{"line",8}  {"timestamp",-25}  {"identifier".PadRight(idWidth)}  {"score",6}  {"severity",-8}  explanation").ConfigureAwait(false);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var id = ids[i].Length > idWidth ? ids[i][..(idWidth - 1)] + "…" : ids[i];
            var time = r.Timestamp?.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) ?? "";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{r.Line,8}  {time,-25}  {id.PadRight(idWidth)}  {r.Score,6:0.000}  {ReportNames.Of(r.Severity),-8}  {InertText.ForTerminal(r.Explanation)}")).ConfigureAwait(false);
        }

        // The table never cuts silently: it says how many it shows of how many, and how to see more.
        var of = limit is null ? s.Anomalies : result.Records.Count;
        if (rows.Count < of)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{rows.Count:N0} of {of:N0} {(limit is null ? "anomalies" : "records")} shown, highest scores first; --limit N for more, --format csv or json for all.")).ConfigureAwait(false);
        }
    }
}

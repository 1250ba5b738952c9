using System.Globalization;
using System.Text;
using AnomalyStudio.Core.Patterns;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// Writes a detection as one self-contained HTML page to hand on: the summary, the severity chart, the score histogram
/// with the threshold, the timeline, the top anomalies with their explanations and lines, and the top entities, spikes
/// and patterns. CSS is inline, charts are inline SVG, there is no script and no outside URL (the page's own content
/// security policy forbids both), and every piece of log content is encoded (<see cref="HtmlText"/>), so hostile content
/// shows as text. The same result gives the same bytes: the page carries no time of writing.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Rows of each list when no limit is given.</summary>
    public const int DefaultRows = 20;

    public static async Task WriteAsync(Stream output, DetectionResult result, int? limit = null, CancellationToken cancellationToken = default)
    {
        var rows = limit ?? DefaultRows;
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>AnomalyStudio report: ").Append(HtmlText.Encode(result.FileName)).Append("</title>\n<style>").Append(HtmlReportStyle.Css).Append("</style>\n</head>\n<body>\n");
        Summary(html, result);
        Charts(html, result);
        cancellationToken.ThrowIfCancellationRequested();
        HtmlReportSections.Anomalies(html, result, rows);
        HtmlReportSections.Entities(html, result, rows);
        HtmlReportSections.Spikes(html, result);
        HtmlReportSections.Patterns(html, result.PatternSummary(), rows);
        html.Append("<footer>Written by AnomalyStudio. This page is self-contained: no script, no outside resource.</footer>\n</body>\n</html>\n");
        await output.WriteAsync(Encoding.UTF8.GetBytes(html.ToString()), cancellationToken).ConfigureAwait(false);
    }

    private static void Summary(StringBuilder html, DetectionResult result)
    {
        var s = result.Summary;
        html.Append("<header><h1>Anomaly report: ").Append(HtmlText.Encode(result.FileName)).Append("</h1>\n<p class=\"meta\">")
            .Append(HtmlText.Encode(result.Format.DisplayName)).Append(" · ").Append(HtmlText.Encode(result.ModelDisplayName)).Append(" · ")
            .Append(ReportNames.Of(result.Mode)).Append(" mode</p></header>\n<section id=\"summary\" aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">Summary</h2>\n<dl class=\"kpis\">");
        Kpi(html, "Records", s.Total.ToString("N0", CultureInfo.InvariantCulture));
        Kpi(html, "Anomalies", s.Anomalies.ToString("N0", CultureInfo.InvariantCulture));
        Kpi(html, "Anomaly %", s.AnomalyPercent.ToString("0.##", CultureInfo.InvariantCulture) + " %");
        Kpi(html, "Flag from", result.Threshold.Score.ToString("0.###", CultureInfo.InvariantCulture));
        Kpi(html, "Skipped lines", s.SkippedLines.ToString("N0", CultureInfo.InvariantCulture));
        if (s.RocAuc is { } auc)
        {
            Kpi(html, "ROC-AUC", auc.ToString("0.####", CultureInfo.InvariantCulture));
        }

        if (s.AveragePrecision is { } ap)
        {
            Kpi(html, "Average precision", ap.ToString("0.####", CultureInfo.InvariantCulture));
        }

        html.Append("</dl>\n<p><b>The flag:</b> ").Append(HtmlText.Encode(result.Threshold.Reason)).Append("</p>\n<ul class=\"notes\">");
        foreach (var note in result.Notes)
        {
            html.Append("<li>").Append(HtmlText.Encode(note)).Append("</li>");
        }

        html.Append("</ul></section>\n");
    }

    private static void Charts(StringBuilder html, DetectionResult result)
    {
        html.Append("<section id=\"charts\" aria-labelledby=\"charts-h\"><h2 id=\"charts-h\">Charts</h2>\n<div class=\"charts\">");
        html.Append("<figure><figcaption>Records per severity</figcaption>").Append(HtmlCharts.Severities(ChartSeries.Severities(result))).Append("</figure>");
        var (centers, counts) = ChartSeries.Histogram(result, 50);
        html.Append("<figure><figcaption>Scores (log scale); dashed: severity bands, solid: the flag</figcaption>")
            .Append(HtmlCharts.Histogram(centers, counts, result.Thresholds, result.Threshold.Score)).Append("</figure>");
        if (ChartSeries.Timeline(result, 60) is var (starts, anomalies, records))
        {
            html.Append("<figure class=\"wide\"><figcaption>Records (grey) and anomalies (orange) over time</figcaption>")
                .Append(HtmlCharts.Timeline(starts, anomalies, records)).Append("</figure>");
        }
        else
        {
            html.Append("<p>The records have no timestamps, so there is no timeline.</p>");
        }

        html.Append("</div></section>\n");
    }

    private static void Kpi(StringBuilder html, string name, string value) =>
        html.Append("<div><dt>").Append(name).Append("</dt><dd>").Append(HtmlText.Encode(value)).Append("</dd></div>");

    /// <summary>A severity as a coloured badge that names it in words.</summary>
    internal static string Badge(Severity severity) =>
        $"<span class=\"sev\" style=\"background:{ReportColors.Of(severity)}\">{ReportNames.Of(severity)}</span>";

    internal static string Parts(string template)
    {
        var text = new StringBuilder();
        foreach (var (part, isParameter) in TemplateText.Parts(template))
        {
            text.Append(isParameter ? "<mark>" : string.Empty).Append(HtmlText.Encode(part)).Append(isParameter ? "</mark>" : string.Empty);
        }

        return text.ToString();
    }
}

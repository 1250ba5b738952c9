using System.Globalization;
using System.Text;
using AnomalyStudio.Core.Patterns;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Reporting;

/// <summary>The HTML report's lists: top anomalies, entities, spikes and patterns, every log-borne text encoded.</summary>
internal static class HtmlReportSections
{
    public static void Anomalies(StringBuilder html, DetectionResult result, int rows)
    {
        var records = result.Records;
        var top = ReportSelection.Select(records, rows).Where(i => records.Severities[i] != Severity.Normal).ToList();
        html.Append("<section id=\"anomalies\" aria-labelledby=\"anomalies-h\"><h2 id=\"anomalies-h\">Top anomalies</h2>\n");
        if (top.Count == 0)
        {
            html.Append("<p>No record is flagged.</p></section>\n");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<table id=\"top-anomalies\"><caption>The {top.Count:N0} highest-scoring of {result.Summary.Anomalies:N0} anomalies, with why and the line as in the file</caption>")
            .Append("<thead><tr><th class=\"num\">#</th><th class=\"num\">Line</th><th>Time</th><th>IP / identifier</th><th class=\"num\">Score</th><th>Severity</th><th>Explanation</th></tr></thead><tbody>\n");
        for (var rank = 0; rank < top.Count; rank++)
        {
            var i = top[rank];
            var time = records.Timestamp(i) is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<tr id=\"anomaly-{rank + 1}\" data-line=\"{records.Line(i)}\"><td class=\"num\">{rank + 1}</td><td class=\"num\">{records.Line(i)}</td><td class=\"nowrap\">{time}</td>")
                .Append("<td><code class=\"ident\">").Append(HtmlText.Encode(records.Identifier(i))).Append("</code></td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{records.Scores[i]:0.000}</td><td>{HtmlReportWriter.Badge(records.Severities[i])}</td>")
                .Append("<td>").Append(HtmlText.Encode(records.Explanations[i])).Append("<code class=\"raw\">").Append(HtmlText.Encode(Clip(result.Source.RawText(i)))).Append("</code></td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    public static void Entities(StringBuilder html, DetectionResult result, int rows)
    {
        if (result.Entities is not { } entities || entities.Count == 0)
        {
            return;
        }

        var ranked = entities.Ranked.Take(rows).ToList();
        html.Append("<section id=\"entities\" aria-labelledby=\"entities-h\"><h2 id=\"entities-h\">Top entities</h2>\n")
            .Append(CultureInfo.InvariantCulture, $"<table><caption>{entities.Count:N0} {HtmlText.Encode(entities.Column)} values scored against each other, {entities.Counts.Anomalies:N0} unusual; the highest first</caption>")
            .Append("<thead><tr><th>Entity</th><th class=\"num\">Score</th><th>Severity</th><th class=\"num\">Records</th><th>Explanation</th></tr></thead><tbody>\n");
        foreach (var e in ranked)
        {
            html.Append("<tr><td><code>").Append(HtmlText.Encode(entities.Profiles[e].Key)).Append("</code></td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{entities.Scores[e]:0.000}</td><td>{HtmlReportWriter.Badge(entities.Severities[e])}</td><td class=\"num\">{entities.Profiles[e].Records:N0}</td>")
                .Append("<td>").Append(HtmlText.Encode(entities.Explanations[e])).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    public static void Spikes(StringBuilder html, DetectionResult result)
    {
        if (result.Spikes is not { HasTime: true } spikes)
        {
            return;
        }

        html.Append("<section id=\"spikes\" aria-labelledby=\"spikes-h\"><h2 id=\"spikes-h\">Spikes</h2>\n");
        if (spikes.Spikes.Count == 0)
        {
            html.Append("<p>No burst in the per-minute rate.</p>");
        }

        foreach (var spike in spikes.Spikes)
        {
            html.Append("<div class=\"spike\"><p><b>").Append(HtmlText.Encode(spike.Window.ToString())).Append("</b>: ").Append(HtmlText.Encode(spike.Series))
                .Append(CultureInfo.InvariantCulture, $", {spike.Count:N0} where {spike.Expected:N0} were typical ({spike.Ratio:0.#}×, z {spike.PeakZ:0.#})</p><ul>");
            foreach (var value in spike.Explanation.Values)
            {
                html.Append("<li>").Append(HtmlText.Encode(value.Text)).Append("</li>");
            }

            html.Append("</ul></div>\n");
        }

        html.Append("</section>\n");
    }

    public static void Patterns(StringBuilder html, PatternSummary? patterns, int rows)
    {
        if (patterns is null)
        {
            return;
        }

        html.Append("<section id=\"patterns\" aria-labelledby=\"patterns-h\"><h2 id=\"patterns-h\">Patterns</h2>\n")
            .Append(CultureInfo.InvariantCulture, $"<table><caption>{patterns.Patterns.Count:N0} patterns of the {HtmlText.Encode(patterns.Source)} in {patterns.Records:N0} records, the most frequent first; parameters marked</caption>")
            .Append("<thead><tr><th>Pattern</th><th class=\"num\">Records</th><th class=\"num\">Share</th><th>First seen</th><th>Last seen</th><th>Over time</th><th>Anomalies</th><th>Badges</th></tr></thead><tbody>\n");
        foreach (var p in patterns.Patterns.Take(rows))
        {
            html.Append("<tr><td class=\"template\"><b>").Append(p.TemplateId).Append("</b> ").Append(HtmlReportWriter.Parts(p.Template)).Append("</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{p.Count:N0}</td><td class=\"num\">{100 * p.Share:0.##} %</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"nowrap\">{Seen(p.FirstSeen, p.FirstLine)}</td><td class=\"nowrap\">{Seen(p.LastSeen, p.LastLine)}</td>")
                .Append("<td>").Append(HtmlCharts.Sparkline(p.Sparkline, $"{p.TemplateId} over time, at most {p.Sparkline.Max():N0} records in a bucket")).Append("</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{p.Severities.Anomalies:N0}</td><td>");
            foreach (var badge in PatternReportWriter.BadgeText(p.Badges, ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                html.Append("<span class=\"badge\">").Append(badge).Append("</span>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static string Seen(DateTimeOffset? time, long line) =>
        time is { } t ? HtmlCharts.Time(t) : string.Create(CultureInfo.InvariantCulture, $"line {line:N0}");

    /// <summary>A line as in the file, cut at 2,000 characters: a report is read, not parsed.</summary>
    private static string Clip(string text) => text.Length <= 2000 ? text : string.Concat(text.AsSpan(0, 2000), " …");
}

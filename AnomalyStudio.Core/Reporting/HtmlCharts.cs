using System.Globalization;
using System.Text;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// The HTML report's charts as inline SVG (no script, no outside URL): the severities, the score histogram with the
/// severity bands and the flag, and the records over time. Each is an <c>img</c> with its figures in its label.
/// </summary>
public static class HtmlCharts
{
    private static string N(double value) => SvgShapes.N(value);

    public static string Severities(IReadOnlyList<(Severity Severity, int Count)> counts)
    {
        const double width = 420, row = 24, labelWidth = 70, countWidth = 70;
        var most = Math.Max(1, counts.Max(c => c.Count));
        var label = string.Join(", ", counts.Select(c => $"{ReportNames.Of(c.Severity)} {c.Count:N0}"));
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" width=\"{N(width)}\" height=\"{N(row * counts.Count)}\" role=\"img\" aria-label=\"Records per severity: {label}\">");
        for (var i = 0; i < counts.Count; i++)
        {
            var (severity, count) = counts[i];
            var bar = (width - labelWidth - countWidth) * count / most;
            var y = i * row;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{N(y + 16)}\">{ReportNames.Of(severity)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(labelWidth)}\" y=\"{N(y + 4)}\" width=\"{N(Math.Max(count > 0 ? 1 : 0, bar))}\" height=\"{N(row - 8)}\" fill=\"{ReportColors.Of(severity)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(labelWidth + bar + 6)}\" y=\"{N(y + 16)}\">{count:N0}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Bars on a log scale (a few anomalies beside thousands of normal records stay visible), band lines dashed, the flag solid.</summary>
    public static string Histogram(double[] centers, int[] counts, SeverityThresholds bands, double flagAt)
    {
        const double width = 480, height = 160, bottom = 140;
        var most = Math.Log10(1 + Math.Max(1, counts.Max()));
        var barWidth = width / counts.Length;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" aria-label=\"Score histogram on a log scale, {counts.Sum():N0} records; records from {flagAt:0.###} are flagged\">");
        for (var b = 0; b < counts.Length; b++)
        {
            var h = counts[b] == 0 ? 0 : Math.Max(1, (bottom - 10) * Math.Log10(1 + counts[b]) / most);
            var severity = bands.ClassifyFrom(centers[b], flagAt);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{N((b * barWidth) + 1)}\" y=\"{N(bottom - h)}\" width=\"{N(barWidth - 2)}\" height=\"{N(h)}\" fill=\"{ReportColors.Of(severity)}\"><title>{centers[b] - (0.5 / counts.Length):0.00}–{centers[b] + (0.5 / counts.Length):0.00}: {counts[b]:N0}</title></rect>");
        }

        foreach (var (name, at) in new[] { ("low", bands.Low), ("medium", bands.Medium), ("high", bands.High), ("critical", bands.Critical) })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(at * width)}\" x2=\"{N(at * width)}\" y1=\"0\" y2=\"{N(bottom)}\" class=\"band\"><title>{name} from {at:0.##}</title></line>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(flagAt * width)}\" x2=\"{N(flagAt * width)}\" y1=\"0\" y2=\"{N(bottom)}\" class=\"flag\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Math.Min(width - 70, (flagAt * width) + 4))}\" y=\"12\">flag {flagAt:0.###}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{N(height - 4)}\">0</text><text x=\"{N(width - 10)}\" y=\"{N(height - 4)}\">1</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Records per bucket (grey) with the anomalies among them (orange), first and last time under the axis.</summary>
    public static string Timeline(DateTimeOffset[] starts, int[] anomalies, int[] records)
    {
        const double width = 720, height = 140, bottom = 118;
        var most = Math.Max(1, records.Max());
        var barWidth = width / records.Length;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" aria-label=\"Records over time from {Time(starts[0])} to {Time(starts[^1])}: {records.Sum():N0} records, {anomalies.Sum():N0} anomalies\">");
        for (var b = 0; b < records.Length; b++)
        {
            var h = (bottom - 4) * records[b] / most;
            var a = (bottom - 4) * anomalies[b] / most;
            var x = N((b * barWidth) + 0.5);
            svg.Append(CultureInfo.InvariantCulture, $"<g><title>{Time(starts[b])}: {records[b]:N0} records, {anomalies[b]:N0} anomalies</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{N(bottom - h)}\" width=\"{N(barWidth - 1)}\" height=\"{N(h)}\" fill=\"#90a4ae\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{N(bottom - a)}\" width=\"{N(barWidth - 1)}\" height=\"{N(a)}\" fill=\"#ef6c00\"/></g>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{N(height - 4)}\">{Time(starts[0])}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(width)}\" y=\"{N(height - 4)}\" text-anchor=\"end\">{Time(starts[^1])}</text>");
        return svg.Append("</svg>").ToString();
    }

    public static string Sparkline(int[] counts, string label) =>
        $"<svg class=\"spark\" width=\"120\" height=\"24\" viewBox=\"-1 -1 122 26\" role=\"img\" aria-label=\"{HtmlText.Encode(label)}\"><polyline points=\"{SvgShapes.Sparkline(counts, 120, 24)}\"/></svg>";

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}

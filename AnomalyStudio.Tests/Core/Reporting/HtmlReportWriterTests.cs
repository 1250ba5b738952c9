using System.Text;
using AnomalyStudio.Core.Reporting;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Reporting;

/// <summary>The HTML report's contract on real results: every section, no script or outside resource, the same bytes twice.</summary>
public sealed class HtmlReportWriterTests
{
    private static async Task<string> WriteAsync(AnomalyStudio.Core.Pipeline.DetectionResult result, int? limit = null)
    {
        using var buffer = new MemoryStream();
        await HtmlReportWriter.WriteAsync(buffer, result, limit);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public async Task The_page_holds_every_section_inline_and_is_the_same_for_the_same_result()
    {
        var result = PatternLogs.Behaviours;
        var html = await WriteAsync(result);

        foreach (var id in new[] { "summary", "charts", "anomalies", "spikes", "patterns" })
        {
            Assert.Contains($"<section id=\"{id}\"", html);
        }

        Assert.Equal(3, html.Split("<svg class=\"chart\"").Length - 1); // severities, histogram, timeline
        Assert.Contains("class=\"flag\"", html);
        Assert.Contains("/search?q=", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", html);
        var top = Enumerable.Range(0, result.Records.Count).OrderByDescending(i => result.Records.Scores[i]).ThenBy(i => i).First();
        Assert.Contains($"<tr id=\"anomaly-1\" data-line=\"{result.Records.Line(top)}\">", html);
        Assert.Equal(html, await WriteAsync(result));
    }

    [Fact]
    public async Task Hostile_log_content_is_encoded_and_its_control_characters_are_visible()
    {
        using var pipeline = new TestPipeline(sharedModels: true);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(HostileContent.AccessLog()));
        var result = await pipeline.Pipeline.RunAsync(stream, new AnomalyStudio.Core.Pipeline.DetectionRequest { FileName = "<b>x</b>.log", Mode = AnomalyStudio.Core.Pipeline.DetectionMode.Fit, Patterns = new() });
        var html = await WriteAsync(result, 500);

        Assert.Contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;", html);
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;.log", html);
        Assert.DoesNotContain(HostileContent.Script, html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain('\u001b', html);
        Assert.DoesNotContain('\u202E', html);
        Assert.Contains("\u241B", html); // ESC shown as ␛
    }
}

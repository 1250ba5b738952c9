using System.Text;
using System.Text.Json;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Reporting;

/// <summary>Log content that attacks its reader leaves every export as inert text.</summary>
public sealed class HostileContentReportTests : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task The_terminal_table_shows_escape_sequences_and_bidi_overrides_as_visible_characters()
    {
        var log = await _test.RunTextAsync(HostileContent.AccessLog(), "hostile.log");
        var csv = await _test.RunTextAsync(HostileContent.Csv(), "hostile\u001b[31m.csv");
        foreach (var result in new[] { log, csv })
        {
            using var output = new StringWriter();
            await TableReportWriter.WriteAsync(output, result, limit: 1_000);
            var text = output.ToString();

            Assert.False(HostileContent.HasLiveControls(text), text);
            Assert.Contains("\u241B[", text, StringComparison.Ordinal); // ESC shown as ␛
        }

        using var table = new StringWriter();
        await TableReportWriter.WriteAsync(table, csv, limit: 1_000);
        Assert.Contains("<U+202E>gnp.exe", table.ToString(), StringComparison.Ordinal);
        Assert.Contains(HostileContent.Script, table.ToString(), StringComparison.Ordinal); // markup is just text here
    }

    [Fact]
    public async Task The_csv_export_neutralises_formulas_and_control_characters()
    {
        var result = await _test.RunTextAsync(HostileContent.Csv(), "hostile.csv");
        using var stream = new MemoryStream();
        await CsvReportWriter.WriteAsync(stream, result);
        var text = Encoding.UTF8.GetString(stream.ToArray());

        Assert.False(HostileContent.HasLiveControls(text));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);
        Assert.Contains("\u241B[31mRED", text, StringComparison.Ordinal);
        Assert.Contains(HostileContent.Template, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_export_keeps_the_content_exactly_with_control_characters_escaped()
    {
        var result = await _test.RunTextAsync(HostileContent.Csv(), "hostile.csv");
        using var stream = new MemoryStream();
        await JsonReportWriter.WriteAsync(stream, result);
        var raw = Encoding.UTF8.GetString(stream.ToArray());

        Assert.DoesNotContain('\u001b', raw);
        Assert.Contains("\\u001B[31mRED", raw, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(raw);
        var identifiers = json.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("identifier").GetString()).ToHashSet();
        Assert.Contains(HostileContent.Ansi, identifiers); // data, round-tripped exactly
        Assert.Contains(HostileContent.Script, identifiers);
    }

    [Fact]
    public async Task Hostile_requests_are_scored_and_explained_in_words_that_quote_them_as_text()
    {
        var result = await _test.RunTextAsync(HostileContent.AccessLog(), "hostile.log");

        Assert.Equal(302, result.Summary.Total);
        var hostile = Enumerable.Range(0, result.Records.Count).Select(i => result.Records[i]).Where(r => r.Identifier.StartsWith("10.66.6.", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, hostile.Count);
        Assert.All(hostile, r => Assert.True(r.IsAnomaly, r.Explanation));
        Assert.Contains(hostile, r => r.Explanation.Contains("<script", StringComparison.OrdinalIgnoreCase));
    }
}

using System.Text;
using System.Text.Json;
using AnomalyStudio.Core.Reporting;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Reporting;

public sealed class ReportWriterTests : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task Json_report_has_the_contract_shape()
    {
        var result = await _test.RunFileAsync(TestData.Samples("sample_metrics.csv"));
        using var stream = new MemoryStream();
        await JsonReportWriter.WriteAsync(stream, result);
        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;

        Assert.Equal("sample_metrics.csv", root.GetProperty("file").GetString());
        Assert.Equal("csv", root.GetProperty("format").GetString());
        Assert.Equal("isolation-forest", root.GetProperty("model").GetString());
        Assert.Equal("pretrained", root.GetProperty("mode").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal(5_000, summary.GetProperty("total").GetInt32());
        var counts = summary.GetProperty("severityCounts");
        var sum = new[] { "critical", "high", "medium", "low", "normal" }.Sum(s => counts.GetProperty(s).GetInt32());
        Assert.Equal(5_000, sum);
        Assert.Equal(summary.GetProperty("anomalies").GetInt32(), sum - counts.GetProperty("normal").GetInt32());
        Assert.Equal(JsonValueKind.Number, summary.GetProperty("rocAuc").ValueKind);
        Assert.Equal(JsonValueKind.Number, summary.GetProperty("averagePrecision").ValueKind);
        Assert.Equal(0, summary.GetProperty("skippedLines").GetInt32());

        var records = root.GetProperty("records");
        Assert.Equal(5_000, records.GetArrayLength());
        var first = records[0];
        Assert.Equal(["line", "timestamp", "identifier", "score", "severity", "explanation"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, first.GetProperty("line").GetInt64()); // the line in the file: the header is line 1, as for skipped lines
        Assert.Equal("2026-11-02T00:00:00+00:00", first.GetProperty("timestamp").GetString());
        Assert.InRange(first.GetProperty("score").GetDouble(), 0, 1);
        Assert.Equal(result.Records[0].Score, first.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Limit_keeps_the_highest_scores_first()
    {
        var result = await _test.RunFileAsync(TestData.Samples("sample_access.log"));
        using var stream = new MemoryStream();
        await JsonReportWriter.WriteAsync(stream, result, limit: 5);
        using var json = JsonDocument.Parse(stream.ToArray());

        var scores = json.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(5, scores.Count);
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(result.Records.Max(r => r.Score), scores[0]);
    }

    [Fact]
    public async Task Csv_report_writes_one_row_per_record_with_the_same_scores()
    {
        var result = await _test.RunFileAsync(TestData.Samples("sample_access.log"));
        using var stream = new MemoryStream();
        await CsvReportWriter.WriteAsync(stream, result);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(CsvReportWriter.Header, lines[0]);
        Assert.Equal(5_001, lines.Length);
        var cells = lines[1].Split(',');
        Assert.Equal("1", cells[0]);
        Assert.Equal(result.Records[0].Timestamp!.Value, DateTimeOffset.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(result.Records[0].Identifier, cells[2]);
        Assert.Equal(Math.Round(result.Records[0].Score, 6), double.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Json_records_of_a_line_log_carry_their_template_id_and_text()
    {
        var result = await _test.RunFileAsync(TestData.Shared("logs", "Apache_2k.log"));
        using var stream = new MemoryStream();
        await JsonReportWriter.WriteAsync(stream, result);
        using var json = JsonDocument.Parse(stream.ToArray());

        var records = json.RootElement.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(2_000, records.Count);
        Assert.Equal(["line", "timestamp", "identifier", "score", "severity", "explanation", "templateId", "template"], records[0].EnumerateObject().Select(p => p.Name));
        var byLine = records.ToDictionary(r => r.GetProperty("line").GetInt64());
        // Apache_2k.log line 1: "[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties"
        Assert.Equal("T1", byLine[1].GetProperty("templateId").GetString());
        Assert.Equal("workerEnv.init() ok /etc/httpd/conf/workers2.properties", byLine[1].GetProperty("template").GetString());
        Assert.Equal(6, records.Select(r => r.GetProperty("templateId").GetString()).Distinct().Count()); // loghub's 6 events
        Assert.All(records, r => Assert.Matches("^T[1-6]$", r.GetProperty("templateId").GetString()));
    }

    [Fact]
    public async Task The_same_line_log_gets_the_same_template_ids_on_every_run()
    {
        async Task<List<string>> TemplatesAsync()
        {
            var result = await _test.RunFileAsync(TestData.Shared("logs", "Apache_2k.log"));
            using var stream = new MemoryStream();
            await JsonReportWriter.WriteAsync(stream, result);
            using var json = JsonDocument.Parse(stream.ToArray());
            return [.. json.RootElement.GetProperty("records").EnumerateArray()
                .OrderBy(r => r.GetProperty("line").GetInt64())
                .Select(r => $"{r.GetProperty("templateId").GetString()} {r.GetProperty("template").GetString()}")];
        }

        var first = await TemplatesAsync();
        var second = await TemplatesAsync();

        Assert.Equal(first, second);
        Assert.Equal(["T1", "T2", "T3"], first.Select(t => t.Split(' ')[0]).Distinct().Take(3)); // numbered in order of first appearance
    }

    [Fact]
    public async Task Csv_report_of_a_line_log_has_template_columns()
    {
        var result = await _test.RunFileAsync(TestData.Shared("logs", "Apache_2k.log"));
        using var stream = new MemoryStream();
        await CsvReportWriter.WriteAsync(stream, result);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(CsvReportWriter.Header + ",templateId,template", lines[0]);
        Assert.Equal(2_001, lines.Length);
        var first = lines.Skip(1).Single(l => l.StartsWith("1,", StringComparison.Ordinal));
        Assert.EndsWith(",T1,workerEnv.init() ok /etc/httpd/conf/workers2.properties", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_of_an_access_log_have_no_template_fields()
    {
        var result = await _test.RunFileAsync(TestData.Samples("sample_access.log"));
        using var csv = new MemoryStream();
        using var json = new MemoryStream();
        await CsvReportWriter.WriteAsync(csv, result, limit: 3);
        await JsonReportWriter.WriteAsync(json, result, limit: 3);

        Assert.Null(result.Templates);
        Assert.StartsWith(CsvReportWriter.Header + "\n", Encoding.UTF8.GetString(csv.ToArray()), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.ToArray());
        Assert.All(document.RootElement.GetProperty("records").EnumerateArray(), r => Assert.False(r.TryGetProperty("templateId", out _)));
    }

    [Fact]
    public async Task Json_lines_records_with_a_message_carry_its_template()
    {
        var lines = Enumerable.Range(0, 300).Select(i => i % 3 == 0
            ? $"{{\"ts\":\"2024-05-01T12:{i / 60:00}:{i % 60:00}Z\",\"level\":\"info\",\"msg\":\"request {i} served in {10 + (i % 7)} ms\"}}"
            : $"{{\"ts\":\"2024-05-01T12:{i / 60:00}:{i % 60:00}Z\",\"level\":\"warn\",\"msg\":\"cache miss for key user:{i}\"}}");

        var result = await _test.RunTextAsync(string.Join('\n', lines) + "\n", "events.jsonl");
        using var stream = new MemoryStream();
        await JsonReportWriter.WriteAsync(stream, result);
        using var json = JsonDocument.Parse(stream.ToArray());

        var byLine = json.RootElement.GetProperty("records").EnumerateArray().ToDictionary(r => r.GetProperty("line").GetInt64());
        Assert.Equal("T1", byLine[1].GetProperty("templateId").GetString());
        Assert.Equal("request <*> served in <*>", byLine[1].GetProperty("template").GetString());
        Assert.Equal("T2", byLine[2].GetProperty("templateId").GetString());
        Assert.Equal("cache miss for key user:<*>", byLine[2].GetProperty("template").GetString());
        Assert.Equal("T1", byLine[298].GetProperty("templateId").GetString());
        Assert.Contains("Templates mined from the 'msg' field: 2 templates.", result.Notes);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("plain", "plain")]
    public void Csv_cells_are_quoted_and_formulas_neutralised(string value, string expected) =>
        Assert.Equal(expected, CsvCell.Format(value));
}

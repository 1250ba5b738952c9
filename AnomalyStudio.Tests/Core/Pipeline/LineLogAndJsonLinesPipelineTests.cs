using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Formats.JsonLines;
using AnomalyStudio.Core.Formats.LineLog;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Pipeline;

public sealed class LineLogAndJsonLinesPipelineTests : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task Scores_every_line_of_the_real_apache_error_log_and_says_how_it_was_read()
    {
        var result = await _test.RunFileAsync(TestData.Shared("logs", "Apache_2k.log"));

        Assert.Equal(LineLogFormat.FormatName, result.Format.Name);
        Assert.Equal("line-log", result.Format.Name);
        Assert.Equal(2_000, result.Summary.Total);
        Assert.Equal(2_000, result.Records.Count);
        Assert.Equal(0, result.Summary.SkippedLines);
        Assert.All(result.Records.Scores, s => Assert.True(double.IsFinite(s)));
        Assert.Contains(result.Notes, n => n.StartsWith("Read as a line log (Apache error log header): 2,000 lines, 6 templates", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fits_a_model_on_an_apache_error_log()
    {
        await using var stream = File.OpenRead(TestData.Shared("logs", "Apache_2k.log"));

        var result = await _test.Pipeline.RunAsync(stream, new DetectionRequest { FileName = "Apache_2k.log", Mode = DetectionMode.Fit, Model = DetectorNames.IsolationForest });

        Assert.Equal(2_000, result.Summary.Total);
    }

    [Fact]
    public async Task Scores_json_lines_as_a_table_of_their_fields()
    {
        var lines = Enumerable.Range(0, 300).Select(i =>
            $"{{\"ts\":\"2024-05-01T12:{i / 60:00}:{i % 60:00}Z\",\"http\":{{\"method\":\"{(i % 7 == 0 ? "POST" : "GET")}\",\"status\":{(i == 150 ? 500 : 200)},\"ms\":{(i == 150 ? 9000 : 20 + (i % 11))}}},\"host\":\"web-{i % 3}\"}}");

        var result = await _test.RunTextAsync(string.Join('\n', lines) + "\nnot json\n", "events.jsonl");

        Assert.Equal(JsonLinesFormat.FormatName, result.Format.Name);
        Assert.Equal("json-lines", result.Format.Name);
        Assert.Equal(300, result.Summary.Total);
        Assert.Equal(1, result.Summary.SkippedLines);
        Assert.Contains("Read as JSON lines: 5 fields (3 nested flattened).", result.Notes);
    }

    [Fact]
    public async Task Scores_a_metrics_logs_counters_on_their_growth_so_the_burst_ranks_first_and_is_explained_as_growth()
    {
        var result = await _test.RunTextAsync(MetricsJsonLog.Text(), "metrics.jsonl", DetectionMode.Fit);

        var top = Enumerable.Range(0, result.Records.Count).MaxBy(i => result.Records.Scores[i]);
        Assert.Equal(MetricsJsonLog.BurstRecord, top);
        Assert.Contains($"requests_total grew by {MetricsJsonLog.BurstRequests} (typically {MetricsJsonLog.TypicalRequests})", result.Records.Explanations[top], StringComparison.Ordinal);
        Assert.Contains("Cumulative counters scored on their growth per record: requests_total, errors_total.", result.Notes);
        Assert.DoesNotContain(result.Records.Explanations, e => e.Contains("column spreads above typical", StringComparison.Ordinal) && e.Contains("_total", StringComparison.Ordinal));
        Assert.Equal(MetricsJsonLog.Start.AddSeconds(15 * MetricsJsonLog.BurstRecord), result.Records.Timestamp(top));
    }

    [Fact]
    public async Task Reads_a_honeypots_json_log_with_its_event_types_as_templates_its_varying_time_and_its_byte_counter_as_growth()
    {
        var result = await _test.RunTextAsync(CowrieHoneypotLog.Text(), "cowrie.json", DetectionMode.Fit);

        Assert.Equal(JsonLinesFormat.FormatName, result.Format.Name);
        Assert.Equal(CowrieHoneypotLog.Lines().Length, result.Records.Count);
        Assert.Equal(result.Records.Count, Enumerable.Range(0, result.Records.Count).Select(result.Records.Timestamp).Distinct().Count());
        Assert.Equal("cowrie.session.connect", result.Templates![0]!.Text);
        Assert.Contains(result.Notes, n => n.StartsWith("Templates taken from the 'eventid' field:", StringComparison.Ordinal));
        Assert.Contains("The records' time is taken from 'timestamp': 'sensor_build_time' has the same time on every record.", result.Notes);
        Assert.Contains("Cumulative counters scored on their growth per record: bytes_total.", result.Notes);
    }
}

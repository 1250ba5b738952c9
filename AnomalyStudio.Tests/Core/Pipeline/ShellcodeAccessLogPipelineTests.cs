using AnomalyStudio.Core.Formats.AccessLog;
using System.Text;
using System.Text.Json;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Pipeline;

/// <summary>
/// A honeynet-style access log whose few attack requests carry raw shellcode bytes (<see cref="ShellcodeAccessLog"/>):
/// it is read, not refused as binary; the attacks stay records, flagged and explained as raw bytes; and every
/// report shows their bytes as <c>\xNN</c>.
/// </summary>
public sealed class ShellcodeAccessLogPipelineTests : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);

    public void Dispose() => _test.Dispose();

    private async Task<DetectionResult> RunAsync(DetectionMode mode = DetectionMode.Auto)
    {
        using var stream = new MemoryStream(ShellcodeAccessLog.Bytes);
        return await _test.Pipeline.RunAsync(stream, new DetectionRequest { FileName = "honeynet.log", Mode = mode });
    }

    private static List<int> Attacks(DetectionResult result) =>
        [.. Enumerable.Range(0, result.Records.Count).Where(i => ShellcodeAccessLog.AttackLineNumbers.Contains(result.Records.Line(i)))];

    [Theory]
    [InlineData(DetectionMode.Auto)]
    [InlineData(DetectionMode.Pretrained)]
    public async Task Is_read_whole_with_the_attacks_as_flagged_records_explained_by_their_raw_bytes(DetectionMode mode)
    {
        var result = await RunAsync(mode);

        Assert.Equal(ShellcodeAccessLog.NormalLines + ShellcodeAccessLog.AttackLines, result.Summary.Total);
        Assert.Equal(0, result.Summary.SkippedLines);
        Assert.Contains(result.Notes, n => n.StartsWith($"Line {ShellcodeAccessLog.AttackLineNumbers[0]} has bytes that are not UTF-8 text", StringComparison.Ordinal));
        var attacks = Attacks(result);
        Assert.Equal(ShellcodeAccessLog.AttackLines, attacks.Count);
        Assert.All(attacks, i =>
        {
            var record = result.Records[i];
            Assert.True(record.IsAnomaly, $"line {record.Line}: {record.Score} {record.Explanation}");
            Assert.StartsWith("request carries raw bytes, as shellcode does (\\x90", record.Explanation, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Raw_bytes_are_attack_evidence_in_the_features()
    {
        var result = await RunAsync();
        var source = Assert.IsType<AccessLogRecordSource>(result.Source);
        var attacks = Attacks(result);

        Assert.All(attacks, i => Assert.Equal(1, result.Features[i, AccessLogFeatureExtractor.SuspiciousUri]));
        // The bare buffer has no method or URI of its own: its raw bytes are all "method", and still found.
        var bare = attacks.Single(i => result.Records.Line(i) == ShellcodeAccessLog.AttackLineNumbers[2]);
        Assert.StartsWith("\\x90\\x90", source.Fields(bare).Single(f => f.Name == "method").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_report_shows_the_raw_bytes_as_escapes()
    {
        var result = await RunAsync();
        var search = Attacks(result)[0];

        Assert.Contains("\"SEARCH /\\x90\u0002\\xb1\u0002\\xb1", result.Source.RawText(search), StringComparison.Ordinal);

        using var json = new MemoryStream();
        await JsonReportWriter.WriteAsync(json, result);
        using var document = JsonDocument.Parse(json.ToArray());
        Assert.Contains(document.RootElement.GetProperty("records").EnumerateArray(),
            r => r.GetProperty("explanation").GetString()!.StartsWith("request carries raw bytes, as shellcode does (\\x90\\x02\\xb1", StringComparison.Ordinal));

        using var csv = new MemoryStream();
        await CsvReportWriter.WriteAsync(csv, result);
        Assert.Contains("request carries raw bytes, as shellcode does (\\x90\\x90\\x90", Encoding.UTF8.GetString(csv.ToArray()), StringComparison.Ordinal);

        using var table = new StringWriter();
        await TableReportWriter.WriteAsync(table, result, limit: 2_100);
        Assert.Contains("request carries raw bytes, as shellcode does (\\x90\\x02\\xb1\\x02", table.ToString(), StringComparison.Ordinal);
        Assert.False(HostileContent.HasLiveControls(table.ToString()));
    }
}

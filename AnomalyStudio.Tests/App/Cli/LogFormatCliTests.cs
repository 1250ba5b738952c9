using System.Text.Json;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Cli;

/// <summary><c>detect --log-format</c> and <c>--input-format</c>: the analyst's word where detection is not enough.</summary>
[Collection(CliTestGroup.Name)]
public sealed class LogFormatCliTests(CliFixture fixture)
{
    [Fact]
    public async Task A_log_format_reads_a_header_detection_does_not_know()
    {
        var log = Path.Combine(fixture.Directory, "payments.log");
        await File.WriteAllTextAsync(log, CustomHeaderLog.Text);
        var (refusedCode, _, refusal) = await fixture.RunAsync("detect", log);
        Assert.Equal(2, refusedCode);
        Assert.Contains("Unsupported format", refusal);

        var json = Path.Combine(fixture.Directory, "payments.json");
        var (code, _, error) = await fixture.RunAsync("detect", log, "--log-format", CustomHeaderLog.Format, "--format", "json", "--out", json);

        Assert.True(code == 0, error);
        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(json));
        var root = report.RootElement;
        Assert.Equal("line-log", root.GetProperty("format").GetString());
        Assert.Equal(CustomHeaderLog.Lines, root.GetProperty("summary").GetProperty("total").GetInt32());
        var notes = root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains(notes, n => n!.Contains($"header '{CustomHeaderLog.Format}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_input_format_overrides_detection()
    {
        var json = Path.Combine(fixture.Directory, "spark-as-csv.json");
        var spark = TestData.Shared("loghub", "Spark_2k.log");
        var (code, _, error) = await fixture.RunAsync("detect", spark, "--input-format", "csv", "--format", "json", "--out", json);

        Assert.True(code == 0, error);
        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(json));
        Assert.Equal("csv", report.RootElement.GetProperty("format").GetString());
        var (lineCode, _, lineError) = await fixture.RunAsync("detect", spark, "--input-format", "line", "--format", "json", "--out", json);
        Assert.True(lineCode == 0, lineError);
        using var lineReport = JsonDocument.Parse(await File.ReadAllBytesAsync(json));
        Assert.Equal("line-log", lineReport.RootElement.GetProperty("format").GetString());
        Assert.Equal(2_000, lineReport.RootElement.GetProperty("summary").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("--log-format", "<Date> <Time> <Level>", "has no <Content> field")]
    [InlineData("--log-format", "<Date> <Time <Content>", "opens no field")]
    [InlineData("--input-format", "xml", "Unknown input format 'xml'")]
    public async Task A_bad_format_exits_2_naming_the_problem(string option, string value, string problem)
    {
        var (code, _, error) = await fixture.RunAsync("detect", TestData.Shared("loghub", "Spark_2k.log"), option, value);

        Assert.Equal(2, code);
        Assert.Contains(problem, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}

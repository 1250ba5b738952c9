using System.Text.Json;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Cli;

/// <summary><c>detect --patterns</c> as a table, JSON and CSV, and its refusals.</summary>
[Collection(CliTestGroup.Name)]
public sealed class PatternCliTests(CliFixture fixture)
{
    private static readonly string Log = TestData.Shared("logs", "Apache_2k.log");

    [Fact]
    public async Task Detect_patterns_writes_the_json_contract_csv_and_a_table()
    {
        var json = Path.Combine(fixture.Directory, "patterns.json");
        var (code, _, error) = await fixture.RunAsync("detect", Log, "--patterns", "--format", "json", "--out", json);
        Assert.True(code == 0, error);
        using (var document = JsonDocument.Parse(await File.ReadAllBytesAsync(json)))
        {
            var patterns = document.RootElement.GetProperty("patterns");
            Assert.Equal(6, patterns.GetArrayLength());
            Assert.Equal(2000, patterns.EnumerateArray().Sum(p => p.GetProperty("count").GetInt32()));
            foreach (var name in new[] { "templateId", "template", "count", "firstSeen", "lastSeen", "severityCounts" })
            {
                Assert.All(patterns.EnumerateArray(), p => Assert.True(p.TryGetProperty(name, out _), name));
            }
        }

        var csv = Path.Combine(fixture.Directory, "patterns.csv");
        (code, _, error) = await fixture.RunAsync("detect", Log, "--patterns", "-o", csv);
        Assert.True(code == 0, error);
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal(AnomalyStudio.Core.Reporting.PatternReportWriter.CsvHeader, lines[0]);
        Assert.Equal(7, lines.Length);
        Assert.Contains("jk2_init() Found child <*> in scoreboard slot <*>,836,", lines[1]);

        var (tableCode, table, _) = await fixture.RunAsync("detect", Log, "--patterns", "--limit", "3");
        Assert.Equal(0, tableCode);
        Assert.Contains("6 patterns of the field 'message' in 2,000 records", table);
        Assert.Contains("3 of 6 patterns shown", table);
    }

    [Fact]
    public async Task Pattern_options_that_do_not_fit_are_refused_with_exit_code_2()
    {
        var (both, _, message) = await fixture.RunAsync("detect", Log, "--patterns", "--spikes");
        Assert.Equal(2, both);
        Assert.Contains("Choose one of --patterns, --entities and --spikes", message);

        var (alone, _, fieldMessage) = await fixture.RunAsync("detect", Log, "--pattern-field", "message");
        Assert.Equal(2, alone);
        Assert.Contains("--pattern-field goes with --patterns", fieldMessage);

        var (access, _, accessMessage) = await fixture.RunAsync("detect", TestData.Samples("sample_access.log"), "--patterns", "--pattern-field", "uri");
        Assert.Equal(2, access);
        Assert.Contains("a pattern field is for JSON lines and CSV", accessMessage);
    }
}

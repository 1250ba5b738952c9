using System.Text.Json;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Cli;

/// <summary><c>compare BASELINE INCIDENT</c> as a table and JSON, on the real Elastic log and the same log with behaviours added.</summary>
[Collection(CliTestGroup.Name)]
public sealed class CompareCliTests(CliFixture fixture)
{
    [Fact]
    public async Task Compare_names_the_scanner_the_brute_forcer_and_the_burst_as_a_table_and_json()
    {
        var incident = Path.Combine(fixture.Directory, "elastic_incident.log");
        await File.WriteAllTextAsync(incident, EntityScenarioLog.Injected.Text);

        var (code, table, error) = await fixture.RunAsync("compare", ElasticLog.Path, incident);
        Assert.True(code == 0, error);
        Assert.Contains("elastic_incident.log against apache_access_elastic.log", table);
        Assert.Contains($"client {EntityScenarioInjector.ScannerIp} (new)", table);
        Assert.Contains($"client {EntityScenarioInjector.BruteForceIp} (new)", table);
        Assert.Contains($"agent {EntityScenarioInjector.BurstAgent} (new)", table);

        var json = Path.Combine(fixture.Directory, "compare.json");
        (code, _, error) = await fixture.RunAsync("compare", ElasticLog.Path, incident, "--format", "json", "--out", json);
        Assert.True(code == 0, error);
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(json));
        var root = document.RootElement;
        Assert.Contains(root.GetProperty("patterns").EnumerateArray(), p => p.GetProperty("value").GetString() == "POST /login" && p.GetProperty("kind").GetString() == "new");
        Assert.Equal(EntityScenarioInjector.ScannerIp, root.GetProperty("newEntities")[0].GetProperty("key").GetString());

        var (refused, _, message) = await fixture.RunAsync("compare", ElasticLog.Path, incident, "--format", "csv");
        Assert.Equal(2, refused);
        Assert.Contains("table or JSON", message);
    }

    [Fact]
    public async Task Compare_of_one_files_range_around_the_behaviours_against_the_rest_names_them_as_a_table_and_json()
    {
        var log = Path.Combine(fixture.Directory, "behaviours.log");
        await File.WriteAllTextAsync(log, EntityScenarioLog.Injected.Text);

        var (code, table, error) = await fixture.RunAsync("compare", log, "--incident", "2015-05-18T03:00..2015-05-20T03:00");
        Assert.True(code == 0, error);
        Assert.StartsWith("behaviours.log 18 May 2015 03:00 – 20 May 2015 03:00 UTC against the rest of behaviours.log:", table, StringComparison.Ordinal);
        Assert.Contains($"client {EntityScenarioInjector.ScannerIp} (new)", table);
        Assert.Contains($"client {EntityScenarioInjector.BruteForceIp} (new)", table);
        Assert.Contains($"agent {EntityScenarioInjector.BurstAgent} (new)", table);

        var json = Path.Combine(fixture.Directory, "windows.json");
        (code, _, error) = await fixture.RunAsync("compare", log, "--baseline", "2015-05-17T00:00..2015-05-18T03:00", "--incident", "2015-05-20T02:00Z..2015-05-20T03:00Z", "-o", json);
        Assert.True(code == 0, error);
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(json));
        var root = document.RootElement;
        Assert.Equal("behaviours.log", root.GetProperty("file").GetString());
        Assert.Equal(new DateTimeOffset(2015, 5, 17, 0, 0, 0, TimeSpan.Zero), root.GetProperty("baselineWindow").GetProperty("start").GetDateTimeOffset());
        Assert.Contains(root.GetProperty("patterns").EnumerateArray(), p => p.GetProperty("value").GetString()!.StartsWith("GET /search?q=", StringComparison.Ordinal) && p.GetProperty("kind").GetString() == "new");
        Assert.DoesNotContain(root.GetProperty("values").EnumerateArray(), v => v.GetProperty("value").GetString() == EntityScenarioInjector.ScannerIp);
    }

    [Theory]
    [InlineData("Give two files (compare BASELINE INCIDENT), or one file with --baseline", "{log}")]
    [InlineData("--baseline and --incident are time ranges of one file", "{log}", "{log}", "--baseline", "2015-05-17T00:00..2015-05-18T00:00")]
    [InlineData("--incident '2015-05-18' is not a range: write START..END", "{log}", "--incident", "2015-05-18")]
    [InlineData("The end of --baseline is '03:00', not an ISO 8601 time", "{log}", "--baseline", "2015-05-18T00:00..03:00")]
    [InlineData("overlap", "{log}", "--baseline", "2015-05-17T00:00..2015-05-19T00:00", "--incident", "2015-05-18T00:00..2015-05-20T00:00")]
    [InlineData("The baseline range (1 Jan 2020 00:00 – 2 Jan 2020 00:00 UTC) holds no records", "{log}", "--baseline", "2020-01-01T00:00..2020-01-02T00:00")]
    public async Task Compare_of_one_file_exits_2_saying_what_is_wrong_with_its_ranges(string message, params string[] args)
    {
        var log = Path.Combine(fixture.Directory, "ranges.log");
        await File.WriteAllTextAsync(log, EntityScenarioLog.Injected.Text);

        var (code, _, error) = await fixture.RunAsync(["compare", .. args.Select(a => a.Replace("{log}", log, StringComparison.Ordinal))]);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}

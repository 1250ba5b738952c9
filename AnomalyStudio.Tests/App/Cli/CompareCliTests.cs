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
}

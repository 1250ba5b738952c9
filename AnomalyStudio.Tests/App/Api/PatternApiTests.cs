using System.Net;
using System.Text.Json;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Api;

/// <summary><c>POST /api/detect?view=patterns</c>, <c>GET /api/session/patterns</c> and <c>POST /api/compare</c>, on real logs.</summary>
public sealed class PatternApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static MultipartFormDataContent Upload(byte[] content, string name)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", name);
        return form;
    }

    [Fact]
    public async Task Detect_with_view_patterns_answers_the_line_logs_templates_with_their_counts_and_severities()
    {
        using var client = factory.CreateClient();
        var log = await File.ReadAllBytesAsync(TestData.Shared("logs", "Apache_2k.log"));
        using var response = await client.PostAsync("/api/detect?view=patterns&limit=2", Upload(log, "Apache_2k.log"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var root = json.RootElement;
        Assert.Equal(2000, root.GetProperty("records").GetInt32());
        var patterns = root.GetProperty("patterns");
        Assert.Equal(2, patterns.GetArrayLength());
        var top = patterns[0];
        Assert.Equal("jk2_init() Found child <*> in scoreboard slot <*>", top.GetProperty("template").GetString());
        Assert.StartsWith("T", top.GetProperty("templateId").GetString());
        Assert.Equal(836, top.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.String, top.GetProperty("firstSeen").ValueKind);
        Assert.Equal(JsonValueKind.String, top.GetProperty("lastSeen").ValueKind);
        var counts = top.GetProperty("severityCounts");
        Assert.Equal(836, new[] { "critical", "high", "medium", "low", "normal" }.Sum(s => counts.GetProperty(s).GetInt32()));

        using var wrongField = await client.PostAsync("/api/detect?view=patterns&patternField=nothing", Upload(await File.ReadAllBytesAsync(TestData.Shared("web", "csic2010_sample.csv")), "csic.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongField.StatusCode);
        Assert.Contains("'nothing' is not a field", await wrongField.Content.ReadAsStringAsync());
        using var fieldWithoutView = await client.PostAsync("/api/detect?patternField=url", Upload(log, "Apache_2k.log"));
        Assert.Equal(HttpStatusCode.BadRequest, fieldWithoutView.StatusCode);
    }

    [Fact]
    public async Task The_session_serves_its_patterns_whole_or_in_a_range()
    {
        using var client = factory.CreateClient();
        using (var none = await client.GetAsync("/api/session/patterns"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        using (var detect = await client.PostAsync("/detect", Upload(System.Text.Encoding.UTF8.GetBytes(EntityScenarioLog.Injected.Text), "elastic_with_behaviours.log")))
        {
            Assert.Equal(HttpStatusCode.OK, detect.StatusCode);
        }

        using (var all = await client.GetAsync("/api/session/patterns"))
        {
            using var json = JsonDocument.Parse(await all.Content.ReadAsStreamAsync());
            var burst = json.RootElement.GetProperty("patterns").EnumerateArray().Single(p => p.GetProperty("template").GetString()!.StartsWith("GET /search?q=", StringComparison.Ordinal));
            Assert.Equal(EntityScenarioInjector.BurstRequests, burst.GetProperty("count").GetInt32());
            Assert.Contains(burst.GetProperty("badges").EnumerateArray(), b => b.GetString() == "bursting");
        }

        var window = EntityScenarioInjector.BruteForceWindow;
        var query = $"start={Uri.EscapeDataString(window.Start.ToString("O"))}&end={Uri.EscapeDataString(window.End.ToString("O"))}&limit=1";
        using (var ranged = await client.GetAsync("/api/session/patterns?" + query))
        {
            Assert.Equal(HttpStatusCode.OK, ranged.StatusCode);
            using var json = JsonDocument.Parse(await ranged.Content.ReadAsStreamAsync());
            var top = json.RootElement.GetProperty("patterns")[0];
            Assert.Equal("POST /login", top.GetProperty("template").GetString());
            Assert.Equal(EntityScenarioInjector.BruteForceRequests, top.GetProperty("count").GetInt32());
        }

        using var half = await client.GetAsync("/api/session/patterns?start=2015-05-19T00:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
    }

    [Fact]
    public async Task Compare_takes_two_files_and_answers_what_the_incident_adds()
    {
        using var client = factory.CreateClient();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(ElasticLog.Path)), "baseline", "apache_access_elastic.log");
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(EntityScenarioLog.Injected.Text)), "incident", "incident.log");
        using var response = await client.PostAsync("/api/compare", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var root = json.RootElement;
        Assert.Equal("incident.log", root.GetProperty("incident").GetString());
        Assert.Contains(root.GetProperty("values").EnumerateArray(), v => v.GetProperty("value").GetString() == EntityScenarioInjector.BurstAgent);
        Assert.Equal(EntityScenarioInjector.ScannerIp, root.GetProperty("newEntities")[0].GetProperty("key").GetString());

        using var one = new MultipartFormDataContent();
        one.Add(new ByteArrayContent(await File.ReadAllBytesAsync(ElasticLog.Path)), "baseline", "a.log");
        using var missing = await client.PostAsync("/api/compare", one);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("'incident'", await missing.Content.ReadAsStringAsync());
    }
}

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

    [Fact]
    public async Task Compare_takes_one_file_and_a_range_around_the_behaviours_and_names_them_against_the_rest()
    {
        using var client = factory.CreateClient();
        var log = System.Text.Encoding.UTF8.GetBytes(EntityScenarioLog.Injected.Text);
        using var form = Upload(log, "behaviours.log");
        form.Add(new StringContent("2015-05-18T03:00:00Z"), "incidentStart");
        form.Add(new StringContent("2015-05-20T03:00:00Z"), "incidentEnd");
        using var response = await client.PostAsync("/api/compare", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var root = json.RootElement;
        Assert.Equal("behaviours.log", root.GetProperty("file").GetString());
        Assert.Equal("the rest of behaviours.log", root.GetProperty("baseline").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("baselineWindow").ValueKind);
        Assert.Equal(new DateTimeOffset(2015, 5, 18, 3, 0, 0, TimeSpan.Zero), root.GetProperty("incidentWindow").GetProperty("start").GetDateTimeOffset());
        var values = root.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetString()).ToList();
        Assert.Contains(EntityScenarioInjector.ScannerIp, values);
        Assert.Contains(EntityScenarioInjector.BruteForceIp, values);
        Assert.Contains(EntityScenarioInjector.BurstAgent, values);
        Assert.Equal(EntityScenarioInjector.ScannerIp, root.GetProperty("newEntities")[0].GetProperty("key").GetString());
    }

    [Theory]
    [InlineData("", "send baselineStart and baselineEnd, incidentStart and incidentEnd, or both pairs")]
    [InlineData("baselineStart=2015-05-18T03:00:00Z", "'baselineStart' is given without 'baselineEnd'")]
    [InlineData("baselineStart=yesterday&baselineEnd=2015-05-18T03:00:00Z", "'baselineStart' is 'yesterday', not an ISO 8601 time")]
    [InlineData("baselineStart=2015-05-18T03:00:00Z&baselineEnd=2015-05-17T03:00:00Z", "The baseline range must end after it starts")]
    [InlineData("baselineStart=2015-05-17T00:00:00Z&baselineEnd=2015-05-19T00:00:00Z&incidentStart=2015-05-18T00:00:00Z&incidentEnd=2015-05-20T00:00:00Z", "overlap")]
    [InlineData("incidentStart=2016-01-01T00:00:00Z&incidentEnd=2016-01-02T00:00:00Z", "The incident range (1 Jan 2016 00:00 – 2 Jan 2016 00:00 UTC) holds no records")]
    public async Task Compare_of_one_file_answers_400_saying_what_is_wrong_with_its_ranges(string query, string message)
    {
        using var client = factory.CreateClient();
        using var form = Upload(await File.ReadAllBytesAsync(TestData.Samples("sample_access.log")), "sample_access.log");
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')))
        {
            form.Add(new StringContent(pair[1]), pair[0]);
        }

        using var response = await client.PostAsync("/api/compare", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        Assert.Contains(message, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_refuses_ranges_with_two_files_and_a_second_file_beside_one_files_ranges()
    {
        using var client = factory.CreateClient();
        var log = await File.ReadAllBytesAsync(TestData.Samples("sample_access.log"));
        using var two = new MultipartFormDataContent();
        two.Add(new ByteArrayContent(log), "baseline", "a.log");
        two.Add(new ByteArrayContent(log), "incident", "b.log");
        using var twoResponse = await client.PostAsync("/api/compare?incidentStart=2015-05-18T00:00:00Z&incidentEnd=2015-05-19T00:00:00Z", two);
        Assert.Equal(HttpStatusCode.BadRequest, twoResponse.StatusCode);
        Assert.Contains("Time ranges compare two windows of one file", await twoResponse.Content.ReadAsStringAsync());

        using var both = Upload(log, "a.log");
        both.Add(new ByteArrayContent(log), "incident", "b.log");
        both.Add(new StringContent("2015-05-18T00:00:00Z"), "incidentStart");
        both.Add(new StringContent("2015-05-19T00:00:00Z"), "incidentEnd");
        using var bothResponse = await client.PostAsync("/api/compare", both);
        Assert.Equal(HttpStatusCode.BadRequest, bothResponse.StatusCode);
        Assert.Contains("not both", await bothResponse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_session_compares_two_ranges_of_its_result_and_says_what_is_wrong_with_a_body()
    {
        using var client = factory.CreateClient();
        static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
        const string Around = """{"incidentStart": "2015-05-18T03:00:00Z", "incidentEnd": "2015-05-20T03:00:00Z"}""";
        using (var none = await client.PostAsync("/api/session/compare", Json(Around)))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        using (var detect = await client.PostAsync("/detect", Upload(System.Text.Encoding.UTF8.GetBytes(EntityScenarioLog.Injected.Text), "behaviours.log")))
        {
            Assert.Equal(HttpStatusCode.OK, detect.StatusCode);
        }

        using (var response = await client.PostAsync("/api/session/compare", Json(Around)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            var root = json.RootElement;
            Assert.Equal("the rest of behaviours.log", root.GetProperty("baseline").GetString());
            var values = root.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetString()).ToList();
            Assert.Contains(EntityScenarioInjector.ScannerIp, values);
            Assert.Contains(EntityScenarioInjector.BruteForceIp, values);
            Assert.Contains(EntityScenarioInjector.BurstAgent, values);
        }

        foreach (var (body, message) in new[]
        {
            ("", "The body is empty."),
            ("[1]", "The body is JSON but not an object (it is array)"),
            ("{", "The body is not JSON"),
            ("{}", "Choose a baseline range, an incident range or both"),
            ("""{"baselineStart": 5, "baselineEnd": "2015-05-18T03:00:00Z"}""", "'baselineStart' is '5', not an ISO 8601 time"),
            ("""{"incidentEnd": "2015-05-18T03:00:00Z"}""", "'incidentEnd' is given without 'incidentStart'"),
        })
        {
            using var bad = await client.PostAsync("/api/session/compare", Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            using var problem = JsonDocument.Parse(await bad.Content.ReadAsStreamAsync());
            Assert.Contains(message, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}

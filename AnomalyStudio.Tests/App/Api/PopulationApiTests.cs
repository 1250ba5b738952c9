using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Api;

/// <summary><c>POST /api/detect?view=entities|spikes</c> and the session's entity and spike endpoints, on the real Elastic log with known behaviours added.</summary>
public sealed class PopulationApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static MultipartFormDataContent Upload(string text, string name = "elastic_with_behaviours.log")
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "file", name);
        return form;
    }

    [Fact]
    public async Task Detect_with_view_entities_answers_the_ranked_clients()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/detect?view=entities&limit=3", Upload(EntityScenarioLog.Injected.Text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var entities = json.RootElement.GetProperty("entities");
        Assert.Equal(3, entities.GetArrayLength());
        Assert.Equal(EntityScenarioInjector.ScannerIp, entities[0].GetProperty("key").GetString());
        Assert.Contains(entities.EnumerateArray(), e => e.GetProperty("key").GetString() == EntityScenarioInjector.BruteForceIp);
    }

    [Fact]
    public async Task Detect_with_view_spikes_answers_the_explained_bursts_and_a_bad_view_is_a_400()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/detect?view=spikes", Upload(EntityScenarioLog.Injected.Text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var first = json.RootElement.GetProperty("spikes")[0];
        Assert.Contains("Go-http-client", first.GetProperty("explanation").GetProperty("text").GetString());

        using var bad = await client.PostAsync("/api/detect?view=people", Upload("x"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("view must be records, entities or spikes", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_session_serves_its_entities_its_spikes_and_the_explanation_of_a_chosen_window()
    {
        using var client = factory.CreateClient();
        using (var none = await client.GetAsync("/api/session/spikes"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        using (var detect = await client.PostAsync("/detect", Upload(EntityScenarioLog.Injected.Text)))
        {
            Assert.Equal(HttpStatusCode.OK, detect.StatusCode);
        }

        using (var entities = await client.GetAsync("/api/session/entities?limit=1"))
        {
            using var json = JsonDocument.Parse(await entities.Content.ReadAsStreamAsync());
            Assert.Equal(EntityScenarioInjector.ScannerIp, json.RootElement.GetProperty("entities")[0].GetProperty("key").GetString());
        }

        using (var spikes = await client.GetAsync("/api/session/spikes?counts=true"))
        {
            using var json = JsonDocument.Parse(await spikes.Content.ReadAsStreamAsync());
            Assert.True(json.RootElement.GetProperty("series")[0].GetProperty("counts").GetArrayLength() > 1000);
        }

        var window = EntityScenarioInjector.BruteForceWindow;
        using (var explained = await client.PostAsJsonAsync("/api/session/spikes", new { start = window.Start, end = window.End }))
        {
            Assert.Equal(HttpStatusCode.OK, explained.StatusCode);
            using var json = JsonDocument.Parse(await explained.Content.ReadAsStreamAsync());
            var values = json.RootElement.GetProperty("window").GetProperty("values");
            Assert.Contains(values.EnumerateArray(), v => v.GetProperty("field").GetString() == "client" && v.GetProperty("value").GetString() == EntityScenarioInjector.BruteForceIp);
        }

        using var backwards = await client.PostAsJsonAsync("/api/session/spikes", new { start = window.End, end = window.Start });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }

    [Theory]
    [InlineData("start=2015-05-19", "The body is not JSON: ")]
    [InlineData("{}", "The body has no 'start'. Send {\"start\": ")]
    [InlineData("{\"start\":\"2015-05-19T14:30:00Z\"}", "The body has no 'end'.")]
    [InlineData("{\"start\":\"yesterday\",\"end\":\"2015-05-19T14:55:00Z\"}", "'start' is \"yesterday\", not an ISO 8601 time such as 2015-05-20T02:40:00Z.")]
    [InlineData("{\"start\":\"2015-05-19T14:30:00Z\",\"end\":3}", "'end' is 3, not an ISO 8601 time")]
    [InlineData("[1,2]", "The body is JSON but not an object (it is array).")]
    [InlineData("", "The body is empty.")]
    public async Task A_window_body_that_is_wrong_gets_a_400_saying_what_is_wrong(string body, string message)
    {
        using var client = factory.CreateClient(); // the body is read first: with or without a session, a wrong one is a 400
        using var response = await client.PostAsync("/api/session/spikes", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        Assert.Contains(message, json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/session/spikes?counts=maybe", "counts must be true or false, not 'maybe'.")]
    [InlineData("/api/session/entities?limit=abc", "limit must be a whole number of 0 or more, not 'abc'.")]
    public async Task A_query_value_that_is_wrong_gets_a_400_naming_the_parameter(string path, string message)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        Assert.Equal(message, json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_entity_and_spike_endpoints()
    {
        using var client = factory.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/session/entities", document);
        Assert.Contains("/api/session/spikes", document);
        Assert.Contains("view=entities", document);
    }
}

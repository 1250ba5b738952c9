using System.Net;
using System.Text.Json;

namespace AnomalyStudio.Tests.App.Api;

/// <summary><c>GET /api/models</c>, <c>GET /healthz</c> and the OpenAPI document.</summary>
public sealed class ModelsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Models_lists_both_detectors_with_thresholds_and_pretrained_models()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/models");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ApiRequests.JsonAsync(response);
        var models = json.RootElement.EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(["autoencoder", "isolation-forest"], models.Keys.Order());

        var forest = models["isolation-forest"];
        Assert.Equal("Isolation Forest", forest.GetProperty("displayName").GetString());
        Assert.True(forest.GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.Null, forest.GetProperty("unavailableReason").ValueKind);
        var thresholds = forest.GetProperty("thresholds");
        Assert.Equal([0.95, 0.85, 0.65, 0.45], new[] { "critical", "high", "medium", "low" }.Select(k => thresholds.GetProperty(k).GetDouble()));
        Assert.Equal(0.95, models["autoencoder"].GetProperty("thresholds").GetProperty("critical").GetDouble());

        foreach (var model in models.Values)
        {
            var pretrained = model.GetProperty("pretrained").EnumerateArray().ToList();
            Assert.Equal(["access-log", "csv-summary"], pretrained.Select(p => p.GetProperty("kind").GetString()));
            Assert.All(pretrained, p =>
            {
                Assert.True(p.GetProperty("trained").GetBoolean());
                Assert.True(p.GetProperty("trainedAt").GetDateTimeOffset() > DateTimeOffset.MinValue);
                Assert.NotEmpty(p.GetProperty("featureNames").EnumerateArray());
                Assert.True(p.GetProperty("trainingRows").GetInt32() > 0);
                Assert.False(string.IsNullOrEmpty(p.GetProperty("trainingData").GetString()));
                Assert.False(p.TryGetProperty("file", out _)); // no server paths
            });
        }

        Assert.Contains("uri_length", models["isolation-forest"].GetProperty("pretrained")[0].GetProperty("featureNames").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task Health_answers_ok()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ApiRequests.JsonAsync(response);
        var paths = json.RootElement.GetProperty("paths");
        Assert.Equal(
            ["/api/compare", "/api/detect", "/api/models", "/api/session", "/api/session/compare", "/api/session/entities", "/api/session/patterns", "/api/session/spikes", "/clear-session", "/detect", "/healthz"],
            paths.EnumerateObject().Select(p => p.Name).Order());

        var detect = paths.GetProperty("/api/detect").GetProperty("post");
        Assert.Equal("Detect", detect.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrEmpty(detect.GetProperty("summary").GetString()));
        Assert.Equal(["200", "400", "413", "500", "503"], detect.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order());
        Assert.Equal(["analysis", "entityColumn", "inputFormat", "limit", "logFormat", "mode", "model", "patternField", "sessions", "threshold", "top", "view"], detect.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
        var form = detect.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal("binary", form.GetProperty("properties").GetProperty("file").GetProperty("format").GetString());

        Assert.Equal("ListModels", paths.GetProperty("/api/models").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GetSession", paths.GetProperty("/api/session").GetProperty("get").GetProperty("operationId").GetString());
        var sessionDetect = paths.GetProperty("/detect").GetProperty("post");
        Assert.Equal("DetectIntoSession", sessionDetect.GetProperty("operationId").GetString());
        var sessionForm = sessionDetect.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties");
        Assert.Equal(["file", "inputFormat", "logFormat", "model"], sessionForm.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("ClearSession", paths.GetProperty("/clear-session").GetProperty("post").GetProperty("operationId").GetString());
    }
}

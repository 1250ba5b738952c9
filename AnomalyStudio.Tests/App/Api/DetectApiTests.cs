using System.IO.Pipelines;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Detection.Autoencoder;
using AnomalyStudio.Core.Detection.IsolationForest;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;
using AnomalyStudio.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyStudio.Tests.App.Api;

/// <summary><c>POST /api/detect</c> against the real app: the CLI's JSON contract, models, limits and bad input.</summary>
public sealed class DetectApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] ContractKeys = ["file", "format", "model", "mode", "summary", "threshold", "records"];
    private static readonly string[] SummaryKeys = ["total", "anomalies", "anomalyPercent", "severityCounts", "skippedLines", "rocAuc", "averagePrecision", "precision", "recall", "f1", "bestF1"];
    private static readonly string[] SeverityKeys = ["critical", "high", "medium", "low", "normal"];
    private static readonly string[] RecordKeys = ["line", "timestamp", "identifier", "score", "severity", "explanation"];

    /// <summary>What a line log's records carry after <see cref="RecordKeys"/>: their mined template.</summary>
    private static readonly string[] TemplateKeys = ["templateId", "template"];

    [Theory]
    [InlineData("sample_access.log", "apache", null)]
    [InlineData("sample_metrics.csv", "csv", null)]
    [InlineData("sample_access.log", "apache", 10)]
    public async Task Detect_answers_exactly_the_json_report_of_the_cli(string sample, string format, int? limit)
    {
        using var client = factory.CreateClient();
        var query = limit is null ? string.Empty : $"?limit={limit}";

        using var response = await client.PostAsync("/api/detect" + query, ApiRequests.UploadFile(TestData.Samples(sample)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        using var pipeline = new TestPipeline(sharedModels: true);
        var expected = await CliReportAsync(pipeline, TestData.Samples(sample), limit);
        Assert.True(JsonNode.DeepEquals(ApiRequests.WithoutTimings(expected), ApiRequests.WithoutTimings(actual)), "The API's report differs from the CLI's.");

        AssertContractShape(actual);
        Assert.Equal(sample, actual["file"]!.GetValue<string>());
        Assert.Equal(format, actual["format"]!.GetValue<string>());
        Assert.Equal("isolation-forest", actual["model"]!.GetValue<string>());
        Assert.Equal("fit", actual["mode"]!.GetValue<string>()); // auto, with the file as its own baseline
        Assert.Equal(5_000, actual["summary"]!["total"]!.GetValue<int>());
        Assert.Equal(limit ?? 5_000, actual["records"]!.AsArray().Count);
    }

    [Fact]
    public async Task Detect_gives_each_record_of_a_line_log_its_template()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/detect?limit=50", ApiRequests.UploadFile(TestData.Shared("logs", "Apache_2k.log")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        AssertContractShape(root);
        Assert.Equal("line-log", root["format"]!.GetValue<string>());
        Assert.All(root["records"]!.AsArray(), r =>
        {
            Assert.Matches("^T[0-9]+$", r!["templateId"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(r["template"]!.GetValue<string>()));
        });
    }

    [Fact]
    public async Task Detect_gives_each_record_of_a_honeypots_json_log_its_event_type_as_template_and_names_the_time_and_counters()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/detect", ApiRequests.Upload(Encoding.UTF8.GetBytes(CowrieHoneypotLog.Text()), "cowrie.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("json-lines", root["format"]!.GetValue<string>());
        Assert.All(root["records"]!.AsArray(), r => Assert.StartsWith("cowrie.", r!["template"]!.GetValue<string>(), StringComparison.Ordinal));
        var notes = root["notes"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("The records' time is taken from 'timestamp': 'sensor_build_time' has the same time on every record.", notes);
        Assert.Contains("Cumulative counters scored on their growth per record: bytes_total.", notes);
    }

    [Fact]
    public async Task Limit_lists_the_highest_scores_first()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/detect?limit=25", ApiRequests.UploadFile(TestData.Samples("sample_access.log")));

        using var json = await ApiRequests.JsonAsync(response);
        var scores = json.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(25, scores.Count);
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.True(scores[0] >= json.RootElement.GetProperty("thresholds").GetProperty("high").GetDouble());
    }

    [Fact]
    public async Task Threshold_and_top_move_the_flag_as_the_cli_does()
    {
        using var client = factory.CreateClient();

        using var own = await client.PostAsync("/api/detect?limit=0", ApiRequests.UploadFile(TestData.Samples("sample_access.log")));
        using var top = await client.PostAsync("/api/detect?limit=0&top=10", ApiRequests.UploadFile(TestData.Samples("sample_access.log")));
        using var manual = await client.PostAsync("/api/detect?limit=0&threshold=0.9", ApiRequests.UploadFile(TestData.Samples("sample_access.log")));

        using var ownJson = await ApiRequests.JsonAsync(own);
        var threshold = ownJson.RootElement.GetProperty("threshold");
        Assert.Equal(threshold.GetProperty("flagged").GetInt32(), ownJson.RootElement.GetProperty("summary").GetProperty("anomalies").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(threshold.GetProperty("reason").GetString()));
        using var topJson = await ApiRequests.JsonAsync(top);
        Assert.Equal("top", topJson.RootElement.GetProperty("threshold").GetProperty("method").GetString());
        Assert.InRange(topJson.RootElement.GetProperty("summary").GetProperty("anomalies").GetInt32(), 10, 12);
        using var manualJson = await ApiRequests.JsonAsync(manual);
        Assert.Equal(0.9, manualJson.RootElement.GetProperty("threshold").GetProperty("score").GetDouble());
        Assert.Equal(0, manualJson.RootElement.GetProperty("summary").GetProperty("severityCounts").GetProperty("low").GetInt32());
    }

    [Fact]
    public async Task Fit_mode_with_the_reference_spelling_of_the_model_trains_on_the_file()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/detect?model=isolation_forest&mode=fit&limit=5", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ApiRequests.JsonAsync(response);
        var root = json.RootElement;
        Assert.Equal("isolation-forest", root.GetProperty("model").GetString());
        Assert.Equal("fit", root.GetProperty("mode").GetString());
        Assert.Contains("latency_ms", root.GetProperty("featureNames").EnumerateArray().Select(n => n.GetString()));
        Assert.True(root.GetProperty("summary").GetProperty("rocAuc").GetDouble() > 0.8);
    }

    [Fact]
    public async Task The_autoencoder_scores_the_sample_log_through_the_api()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/detect?model=autoencoder&limit=20", ApiRequests.UploadFile(TestData.Samples("sample_access.log")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        AssertContractShape(root);
        Assert.Equal("autoencoder", root["model"]!.GetValue<string>());
        Assert.Equal(0.95, root["thresholds"]!["critical"]!.GetValue<double>());
        Assert.Equal(5_000, root["summary"]!["total"]!.GetValue<int>());
        Assert.True(root["summary"]!["anomalies"]!.GetValue<int>() > 0);
        Assert.Equal(20, root["records"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_uploaded_name_is_shown_without_its_directories()
    {
        using var client = factory.CreateClient();
        var content = await File.ReadAllBytesAsync(TestData.Samples("sample_metrics.csv"));

        using var response = await client.PostAsync("/api/detect?limit=0", ApiRequests.Upload(content, "../../etc/cron.d/metrics.csv"));

        using var json = await ApiRequests.JsonAsync(response);
        Assert.Equal("metrics.csv", json.RootElement.GetProperty("file").GetString());
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "empty file", "The file is empty." },
        { "binary file", "The file is binary" },
        { "unknown model", "Unknown model 'random-forest'" },
        { "unknown mode", "Unknown mode 'train'" },
        { "bad limit", "limit must be a whole number" },
        { "bad threshold", "The threshold must be a score between 0 and 1, not 2." },
        { "bad top", "Top N must be a whole number of at least 1, not 'all'" },
        { "missing file field", "No file was uploaded" },
        { "not multipart", "multipart/form-data" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_a_400_problem_with_an_error_member(string input, string message)
    {
        using var client = factory.CreateClient();
        var sample = TestData.Samples("sample_access.log");
        using var request = input switch
        {
            "empty file" => Post("/api/detect", ApiRequests.Upload([], "empty.log")),
            "binary file" => Post("/api/detect", ApiRequests.Upload([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "image.png")),
            "unknown model" => Post("/api/detect?model=random-forest", ApiRequests.UploadFile(sample)),
            "unknown mode" => Post("/api/detect?mode=train", ApiRequests.UploadFile(sample)),
            "bad limit" => Post("/api/detect?limit=ten", ApiRequests.UploadFile(sample)),
            "bad threshold" => Post("/api/detect?threshold=2", ApiRequests.UploadFile(sample)),
            "bad top" => Post("/api/detect?top=all", ApiRequests.UploadFile(sample)),
            "missing file field" => Post("/api/detect", new MultipartFormDataContent { { new StringContent("isolation_forest"), "model" } }),
            _ => Post("/api/detect", new StringContent("127.0.0.1 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 512", Encoding.UTF8, "text/plain")),
        };

        using var response = await client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task An_upload_over_the_configured_limit_is_a_413_problem_with_or_without_a_content_length()
    {
        await using var small = factory.WithSettings(("AnomalyStudio:MaxUploadBytes", (1024 * 1024).ToString()));
        using var client = small.CreateClient();
        var twoMegabytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(new string('a', 1023) + "\n", 2048)));

        using var declared = await client.PostAsync("/api/detect", ApiRequests.Upload(twoMegabytes, "big.log"));
        await AssertProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge, "larger than the limit of 1,048,576 bytes");

        // A stream that cannot tell its length makes the client send the body chunked, with no Content-Length.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        await pipe.Writer.WriteAsync(twoMegabytes);
        await pipe.Writer.CompleteAsync();
        var chunked = new MultipartFormDataContent { { new StreamContent(pipe.Reader.AsStream()), "file", "big.log" } };
        Assert.Null(chunked.Headers.ContentLength);
        using var undeclared = await client.PostAsync("/api/detect", chunked);
        await AssertProblemAsync(undeclared, HttpStatusCode.RequestEntityTooLarge, "larger than the limit of 1,048,576 bytes");

        using var withinLimit = await client.PostAsync("/api/detect?limit=1", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
        Assert.Equal(HttpStatusCode.OK, withinLimit.StatusCode);
    }

    [Fact]
    public async Task Without_libtorch_the_autoencoder_is_a_400_problem_with_the_reason()
    {
        const string Reason = "libtorch (TorchSharp's native library) could not be loaded: GLIBCXX_3.4.32 not found.";
        await using var withoutLibtorch = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton(sp => new DetectorCatalog(sp.GetRequiredService<PipelineOptions>(), [IsolationForestDetector.Registration, AutoencoderDetector.RegistrationWith(() => DetectorAvailability.Unavailable(Reason))]))));
        using var client = withoutLibtorch.CreateClient();

        using var response = await client.PostAsync("/api/detect?model=autoencoder", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "The Autoencoder is unavailable: " + Reason);
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = await ApiRequests.JsonAsync(response);
        var problem = json.RootElement;
        var error = problem.GetProperty("error").GetString();
        Assert.Contains(message, error);
        Assert.Equal(error, problem.GetProperty("detail").GetString());
        Assert.Equal(error, problem.GetProperty("title").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }

    private static HttpRequestMessage Post(string uri, HttpContent content) => new(HttpMethod.Post, uri) { Content = content };

    private static async Task<JsonObject> CliReportAsync(TestPipeline pipeline, string path, int? limit)
    {
        var result = await pipeline.RunFileAsync(path, DetectionMode.Auto);
        using var buffer = new MemoryStream();
        await JsonReportWriter.WriteAsync(buffer, result, limit);
        return JsonNode.Parse(buffer.ToArray())!.AsObject();
    }

    private static void AssertContractShape(JsonObject report)
    {
        foreach (var key in ContractKeys)
        {
            Assert.True(report.ContainsKey(key), $"The report has no '{key}'.");
        }

        var summary = report["summary"]!.AsObject();
        Assert.All(SummaryKeys, key => Assert.True(summary.ContainsKey(key), $"The summary has no '{key}'."));
        var counts = summary["severityCounts"]!.AsObject();
        Assert.All(SeverityKeys, key => Assert.Equal(JsonValueKind.Number, counts[key]!.GetValueKind()));
        Assert.Equal(summary["total"]!.GetValue<int>(), SeverityKeys.Sum(key => counts[key]!.GetValue<int>()));
        string[] recordKeys = report["format"]!.GetValue<string>() == "line-log" ? [.. RecordKeys, .. TemplateKeys] : RecordKeys;
        foreach (var record in report["records"]!.AsArray())
        {
            Assert.Equal(recordKeys, record!.AsObject().Select(p => p.Key));
            Assert.InRange(record["score"]!.GetValue<double>(), 0, 1);
            Assert.Contains(record["severity"]!.GetValue<string>(), SeverityKeys);
        }
    }

    [Fact]
    public async Task Detect_takes_a_rules_file_beside_the_upload_as_the_cli_does()
    {
        using var client = factory.CreateClient();
        using var form = ApiRequests.UploadFile(TestData.Samples("sample_access.log"));
        form.Add(new StringContent("""{"rules":[{"field":"status","equals":"404"}]}"""), "rules", "rules.json");

        using var response = await client.PostAsync("/api/detect?limit=0", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var rule = report["rules"]![0]!;
        Assert.Equal("status = 404", rule["rule"]!.GetValue<string>());
        Assert.Equal(File.ReadLines(TestData.Samples("sample_access.log")).Count(l => l.Contains("\" 404 ", StringComparison.Ordinal)), rule["expected"]!.GetValue<int>());

        using var broken = ApiRequests.UploadFile(TestData.Samples("sample_access.log"));
        broken.Add(new StringContent("""{"rules":[{"status":"404"}]}"""), "rules", "rules.json");
        using var refused = await client.PostAsync("/api/detect", broken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.StartsWith("Rule 1 of the rules file 'rules.json': unknown key \"status\"", problem["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

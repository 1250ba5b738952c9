using System.Net;
using AnomalyStudio.App.Admission;
using AnomalyStudio.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>
/// Every cap of the web app, set small through configuration: lines, columns, detections at once and waiting,
/// what a session may keep, how many sessions, and the method a path accepts. The upload size (413) is covered in
/// <see cref="DetectApiTests"/> and <see cref="SessionApiTests"/>.
/// </summary>
public sealed class LimitsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Busy = "The server is busy with other detections; try again in 7 s.";

    [Fact]
    public async Task A_file_with_more_records_than_the_limit_is_a_400_naming_the_limit()
    {
        await using var app = factory.WithSettings(("AnomalyStudio:MaxRecords", "100"));
        using var client = app.CreateClient();

        using var api = await client.PostAsync("/api/detect", ApiRequests.UploadFile(TestData.Samples("sample_access.log")));
        await DetectApiTests.AssertProblemAsync(api, HttpStatusCode.BadRequest, "The file has more than 100 records, the most one analysis accepts.");

        using var session = await client.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
        Assert.Equal(HttpStatusCode.BadRequest, session.StatusCode);
        Assert.Equal("The file has more than 100 rows, the most one analysis accepts.", await ErrorAsync(session));
    }

    [Fact]
    public async Task A_csv_with_more_columns_than_the_limit_is_a_400_naming_the_limit()
    {
        await using var app = factory.WithSettings(("AnomalyStudio:MaxColumns", "3"));
        using var client = app.CreateClient();

        using var api = await client.PostAsync("/api/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
        await DetectApiTests.AssertProblemAsync(api, HttpStatusCode.BadRequest, "columns; at most 3 are accepted (AnomalyStudio:MaxColumns).");

        using var session = await client.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
        Assert.Equal(HttpStatusCode.BadRequest, session.StatusCode);
        Assert.EndsWith("columns; at most 3 are accepted (AnomalyStudio:MaxColumns).", await ErrorAsync(session));
    }

    [Fact]
    public async Task With_every_slot_and_queue_place_taken_both_detect_doors_answer_503_with_retry_after()
    {
        await using var app = factory.WithSettings(
            ("AnomalyStudio:MaxConcurrentDetections", "1"), ("AnomalyStudio:MaxQueuedDetections", "0"), ("AnomalyStudio:BusyRetryAfterSeconds", "7"));
        using var client = app.CreateClient();
        var gate = app.Services.GetRequiredService<DetectionGate>();

        // Another detection holds the only slot, and nothing may wait.
        using (var elsewhere = await gate.EnterAsync(null, CancellationToken.None))
        {
            Assert.True(elsewhere.IsEntered);

            using var api = await client.PostAsync("/api/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
            await DetectApiTests.AssertProblemAsync(api, HttpStatusCode.ServiceUnavailable, Busy);
            Assert.Equal(TimeSpan.FromSeconds(7), api.Headers.RetryAfter?.Delta);

            using var session = await client.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, session.StatusCode);
            Assert.Equal($$"""{"success":false,"error":"{{Busy}}"}""", await session.Content.ReadAsStringAsync());
            Assert.Equal(TimeSpan.FromSeconds(7), session.Headers.RetryAfter?.Delta);
        }

        using var freed = await client.PostAsync("/api/detect?limit=1", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
        Assert.Equal(HttpStatusCode.OK, freed.StatusCode);
        Assert.Equal(0, gate.Running);
    }

    [Fact]
    public async Task A_detection_waits_in_the_queue_until_a_slot_is_free()
    {
        await using var app = factory.WithSettings(("AnomalyStudio:MaxConcurrentDetections", "1"), ("AnomalyStudio:MaxQueuedDetections", "1"));
        using var client = app.CreateClient();
        var gate = app.Services.GetRequiredService<DetectionGate>();
        var elsewhere = await gate.EnterAsync(null, CancellationToken.None);

        var waiting = client.PostAsync("/api/detect?limit=1", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (gate.Queued == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The request never queued.");
            await Task.Delay(20);
        }

        Assert.False(waiting.IsCompleted);
        elsewhere.Dispose();

        using var response = await waiting;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, gate.Running);
    }

    [Fact]
    public async Task A_result_over_the_session_memory_cap_is_refused_with_both_sizes_and_not_kept()
    {
        await using var app = factory.WithSettings(("AnomalyStudio:MaxSessionResultBytes", "100000"));
        using var client = app.CreateClient();

        using var detect = await client.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_access.log")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, detect.StatusCode);
        var error = await ErrorAsync(detect);
        Assert.StartsWith("The results of sample_access.log (5,000 records) would take about ", error);
        Assert.EndsWith(" MB in memory; a session keeps at most 0.1 MB (AnomalyStudio:MaxSessionResultBytes).", error);
        Assert.Null(ApiRequests.SetCookie(detect));

        // The stateless door keeps nothing, so the session cap does not apply to it.
        using var api = await client.PostAsync("/api/detect?limit=1", ApiRequests.UploadFile(TestData.Samples("sample_access.log")));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Cookie_sessions_share_the_servers_result_budget_and_a_cleared_session_gives_its_share_back()
    {
        using var pipeline = new TestPipeline(sharedModels: true);
        var size = ResultFootprint.Of(await pipeline.RunFileAsync(TestData.Samples("sample_metrics.csv"), AnomalyStudio.Core.Pipeline.DetectionMode.Auto, population: true));
        await using var app = factory.WithSettings(
            ("AnomalyStudio:MaxTotalResultBytes", (size * 3 / 2).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("AnomalyStudio:BusyRetryAfterSeconds", "5"));
        var budget = app.Services.GetRequiredService<ResultMemoryBudget>();
        using var first = app.CreateClient();
        using var second = app.CreateClient();

        using var kept = await first.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var held = budget.Held;
        Assert.Equal(size, held); // one result fits, two do not

        using var refused = await second.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("AnomalyStudio:MaxTotalResultBytes", await ErrorAsync(refused));
        Assert.Equal(held, budget.Held);

        using var cleared = await first.PostAsync("/clear-session", null);
        Assert.Equal(0, budget.Held);
        using var admitted = await second.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal(held, budget.Held);
    }

    [Fact]
    public async Task When_the_sessions_are_all_taken_a_new_caller_gets_503_until_one_is_released()
    {
        await using var app = factory.WithSettings(("AnomalyStudio:MaxApiSessions", "2"), ("AnomalyStudio:BusyRetryAfterSeconds", "7"));
        using var first = app.CreateClient();
        using var second = app.CreateClient();
        using var third = app.CreateClient();
        foreach (var client in new[] { first, second })
        {
            using var ok = await client.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await third.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("The server holds the most sessions it keeps (2); try again in 7 s.", await ErrorAsync(refused));
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);

        // A caller that has a session keeps using it.
        using var again = await first.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_access.log")));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        using var cleared = await second.PostAsync("/clear-session", null);
        using var admitted = await third.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    [Theory]
    [InlineData("/api/detect")]
    [InlineData("/detect")]
    [InlineData("/clear-session")]
    public async Task A_get_on_a_post_only_path_is_a_405_problem_with_allow(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = await ApiRequests.JsonAsync(response);
        Assert.Equal($"{path} accepts only POST.", json.RootElement.GetProperty("error").GetString());
    }

    private static async Task<string?> ErrorAsync(HttpResponseMessage response)
    {
        using var json = await ApiRequests.JsonAsync(response);
        Assert.False(json.RootElement.GetProperty("success").GetBoolean());
        return json.RootElement.GetProperty("error").GetString();
    }
}

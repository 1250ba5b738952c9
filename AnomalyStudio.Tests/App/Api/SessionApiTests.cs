using AnomalyStudio.Core.Formats.AccessLog;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AnomalyStudio.App.Api.Sessions;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>
/// The reference design's cookie sessions: <c>POST /detect</c>, <c>GET /api/session</c>, <c>POST /clear-session</c>.
/// Every test uses clients of its own (each with its own cookie container), so tests never share a session.
/// </summary>
public sealed partial class SessionApiTests(SessionApiFactory factory) : IClassFixture<SessionApiFactory>
{
    private ApiSessionStore Store => factory.Services.GetRequiredService<ApiSessionStore>();

    [Fact]
    public async Task Detect_keeps_the_result_in_the_session_until_it_is_cleared()
    {
        using var client = factory.CreateClient();
        Assert.False((await SessionAsync(client)).GetProperty("has_results").GetBoolean());

        using var detect = await client.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_access.log")));
        Assert.Equal(HttpStatusCode.OK, detect.StatusCode);
        Assert.Equal("""{"success":true}""", await detect.Content.ReadAsStringAsync());

        var session = await SessionAsync(client);
        Assert.True(session.GetProperty("has_results").GetBoolean());
        Assert.Equal("sample_access.log", session.GetProperty("current_file").GetString());
        Assert.Equal("isolation-forest", session.GetProperty("current_model").GetString()); // one spelling in every output
        Assert.False(string.IsNullOrEmpty(session.GetProperty("session_id").GetString()));

        using var clear = await client.PostAsync("/clear-session", null);
        Assert.Equal(HttpStatusCode.OK, clear.StatusCode);
        Assert.Equal("""{"success":true}""", await clear.Content.ReadAsStringAsync());

        session = await SessionAsync(client);
        Assert.False(session.GetProperty("has_results").GetBoolean());
        Assert.Equal(JsonValueKind.Null, session.GetProperty("current_file").ValueKind);
        Assert.Equal(JsonValueKind.Null, session.GetProperty("current_model").ValueKind);
    }

    [Fact]
    public async Task A_new_upload_replaces_the_previous_result_and_a_failed_one_keeps_it()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var first = await client.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_access.log")));
        var cookie = ApiRequests.SessionId(first)!;

        using var second = await SendWithCookieAsync(client, cookie, "/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv"), ("model", "autoencoder")));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(ApiRequests.SetCookie(second)); // the same session, not a new one

        using var failed = await SendWithCookieAsync(client, cookie, "/detect", ApiRequests.Upload([], "empty.log"));
        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        Assert.Equal("""{"success":false,"error":"The file is empty."}""", await failed.Content.ReadAsStringAsync());

        Assert.True(Store.TryGet(cookie, out var session));
        Assert.Equal("sample_metrics.csv", session.State!.FileName);
        Assert.Equal("autoencoder", session.State.Model);
        Assert.Equal("autoencoder", session.State.Result.Model);
        Assert.Equal(5_000, session.State.Result.Summary.Total);
    }

    [Theory]
    [InlineData("unknown model")]
    [InlineData("missing file field")]
    [InlineData("too large")]
    public async Task A_failed_detect_answers_success_false_with_the_error(string input)
    {
        using var client = factory.CreateClient();
        var (content, status, message) = input switch
        {
            "unknown model" => (ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv"), ("model", "random_forest")), HttpStatusCode.BadRequest, "Unknown model 'random_forest'"),
            "missing file field" => (new MultipartFormDataContent { { new StringContent("x"), "model" } }, HttpStatusCode.BadRequest, "No file was uploaded"),
            _ => (ApiRequests.Upload(new byte[SessionApiFactory.MaxUploadBytes + 1], "big.log"), HttpStatusCode.RequestEntityTooLarge, "larger than the limit"),
        };

        using var response = await client.PostAsync("/detect", content);

        Assert.Equal(status, response.StatusCode);
        using var json = await ApiRequests.JsonAsync(response);
        Assert.False(json.RootElement.GetProperty("success").GetBoolean());
        Assert.Contains(message, json.RootElement.GetProperty("error").GetString());
        Assert.Null(ApiRequests.SetCookie(response));
    }

    [Fact]
    public async Task The_session_cookie_is_unguessable_httponly_and_samesite_strict()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
            var header = ApiRequests.SetCookie(response)!;
            var attributes = header.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.Contains("httponly", attributes);
            Assert.Contains("samesite=strict", attributes);
            Assert.Contains("path=/", attributes);
            Assert.DoesNotContain("secure", attributes); // plain HTTP here; over HTTPS the cookie is Secure
            ids.Add(ApiRequests.SessionId(response)!);
        }

        Assert.All(ids, id => Assert.Matches(Base64Url43(), id));
        Assert.NotEqual(ids[0], ids[1]);

        // The body shows a public handle, never the cookie's secret.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        request.Headers.Add("Cookie", $"{ApiRequests.SessionCookie}={ids[0]}");
        using var session = await client.SendAsync(request);
        var body = await session.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ids[0], body);
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("has_results").GetBoolean());
    }

    [Fact]
    public async Task Two_clients_never_see_each_others_session()
    {
        using var alice = factory.CreateClient();
        using var bob = factory.CreateClient();

        (await alice.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_access.log")))).Dispose();
        Assert.False((await SessionAsync(bob)).GetProperty("has_results").GetBoolean());

        (await bob.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")))).Dispose();
        var aliceSession = await SessionAsync(alice);
        var bobSession = await SessionAsync(bob);
        Assert.Equal("sample_access.log", aliceSession.GetProperty("current_file").GetString());
        Assert.Equal("sample_metrics.csv", bobSession.GetProperty("current_file").GetString());
        Assert.NotEqual(aliceSession.GetProperty("session_id").GetString(), bobSession.GetProperty("session_id").GetString());

        (await alice.PostAsync("/clear-session", null)).Dispose();
        Assert.False((await SessionAsync(alice)).GetProperty("has_results").GetBoolean());
        Assert.Equal("sample_metrics.csv", (await SessionAsync(bob)).GetProperty("current_file").GetString());
    }

    [Fact]
    public async Task Parallel_clients_each_get_their_own_result()
    {
        const int Clients = 8;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
        {
            var lines = 300 + (17 * i);
            var name = $"client-{i}.log";
            using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            using var detect = await client.PostAsync("/detect", ApiRequests.Upload(GeneratedLog(seed: 100 + i, lines), name));
            Assert.Equal(HttpStatusCode.OK, detect.StatusCode);
            var cookie = ApiRequests.SessionId(detect)!;

            using var read = await SendWithCookieAsync(client, cookie, "/api/session", null, HttpMethod.Get);
            using var json = await ApiRequests.JsonAsync(read);
            return (Name: name, Lines: lines, Cookie: cookie, File: json.RootElement.GetProperty("current_file").GetString(),
                PublicId: json.RootElement.GetProperty("session_id").GetString());
        }));

        Assert.All(outcomes, o => Assert.Equal(o.Name, o.File));
        Assert.Equal(Clients, outcomes.Select(o => o.Cookie).Distinct().Count());
        Assert.Equal(Clients, outcomes.Select(o => o.PublicId).Distinct().Count());
        foreach (var outcome in outcomes)
        {
            Assert.True(Store.TryGet(outcome.Cookie, out var session));
            Assert.Equal(outcome.Name, session.State!.FileName);
            Assert.Equal(outcome.Lines, session.State.Result.Summary.Total);
        }
    }

    [Fact]
    public async Task An_idle_session_is_released_and_a_used_one_is_kept()
    {
        var timeout = TimeSpan.FromSeconds(SessionApiFactory.IdleTimeoutSeconds);
        using var idle = factory.CreateClient();
        using var busy = factory.CreateClient();
        (await idle.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")))).Dispose();
        (await busy.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")))).Dispose();

        // busy reads its session every 50 s; idle does nothing for 100 s.
        factory.Clock.Advance(timeout - TimeSpan.FromSeconds(10));
        Assert.True((await SessionAsync(busy)).GetProperty("has_results").GetBoolean());
        factory.Clock.Advance(timeout - TimeSpan.FromSeconds(10));
        Assert.True((await SessionAsync(busy)).GetProperty("has_results").GetBoolean());

        using var released = await idle.GetAsync("/api/session");
        using var json = await ApiRequests.JsonAsync(released);
        Assert.False(json.RootElement.GetProperty("has_results").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("session_id").ValueKind);
        Assert.Contains("expires=", ApiRequests.SetCookie(released), StringComparison.OrdinalIgnoreCase); // the stale cookie is deleted
    }

    [Fact]
    public async Task The_sweep_releases_sessions_nobody_asks_for_again()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var detect = await client.PostAsync("/detect", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));
        var cookie = ApiRequests.SessionId(detect)!;
        Assert.True(Store.TryGet(cookie, out var session));
        Assert.NotNull(session.State);

        factory.Clock.Advance(TimeSpan.FromSeconds(SessionApiFactory.IdleTimeoutSeconds + 1));
        Store.Sweep();

        // Released by this sweep or by the background sweeper's own tick: either way nothing is held any more.
        Assert.True(session.IsReleased);
        Assert.Null(session.State);
        Assert.False(Store.TryGet(cookie, out _));
    }

    private static async Task<JsonElement> SessionAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/session");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ApiRequests.JsonAsync(response);
        return json.RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> SendWithCookieAsync(HttpClient client, string cookie, string uri, HttpContent? content, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, uri) { Content = content };
        request.Headers.Add("Cookie", $"{ApiRequests.SessionCookie}={cookie}");
        return await client.SendAsync(request);
    }

    private static byte[] GeneratedLog(int seed, int lines)
    {
        var log = new StringWriter { NewLine = "\n" };
        new AccessLogSampleGenerator(seed).Write(log, null, lines);
        return Encoding.UTF8.GetBytes(log.ToString());
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Base64Url43();
}

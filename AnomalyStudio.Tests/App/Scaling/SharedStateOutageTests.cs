using System.Net;
using AnomalyStudio.Tests.App.Api;
using AnomalyStudio.Tests.EndToEnd;
using AnomalyStudio.Tests.Support;
using Xunit.Abstractions;

namespace AnomalyStudio.Tests.App.Scaling;

/// <summary>A server configured for Redis while Redis is down: it starts, says why sessions fail, and keeps scoring.</summary>
[Collection(ScaleTests.Name)]
[Trait("Category", ScaleTests.Category)]
public sealed class SharedStateOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task With_Redis_down_session_requests_answer_503_naming_the_store_and_stateless_detection_still_works()
    {
        // A loopback port nothing listens on: Redis is down.
        await using var server = await AppServer.StartAsync(new Dictionary<string, string>
        {
            ["AnomalyStudio__Redis"] = $"127.0.0.1:{AppServer.FreePort()},connectTimeout=1000,asyncTimeout=2000,syncTimeout=2000",
            ["AnomalyStudio__InstanceName"] = "alone",
            ["AnomalyStudio__DataDirectory"] = Directory.CreateTempSubdirectory("anomalystudio-outage-").FullName,
        });
        using var client = new ClusterClient();

        var (status, body) = await client.DetectIntoSessionAsync(server.Address, TestData.Samples("sample_access.log"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("shared session store (Redis) cannot be reached", body, StringComparison.Ordinal);
        // A caller with a session cookie needs the store; one without needs nothing from it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(server.Address, "/api/session")).Status);
        client.Cookies.Add(server.Address, new Cookie(ApiRequests.SessionCookie, "a-session-created-before-the-outage"));
        var session = await client.TimedGetAsync(server.Address, "/api/session");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "alone"), (session.Status, session.Instance)); // the 503 names its server too
        output.WriteLine($"Redis never reached: a session request answered 503 in {session.Elapsed.TotalMilliseconds:F0} ms");

        // The dashboard needs the shared key ring: its page says what is down, and the server keeps serving.
        var page = await client.GetAsync(server.Address, "/");
        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Contains("shared session store (Redis) cannot be reached", page.Body, StringComparison.Ordinal);

        var report = await client.DetectAsync(server.Address, TestData.Samples("sample_access.log"), "limit=5");
        Assert.Contains("\"total\":5000", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_outlives_a_Redis_restart_and_serves_sessions_again_once_it_is_back()
    {
        var redis = await LoopbackService.StartRedisAsync();
        var port = redis.Port;
        await using var server = await AppServer.StartAsync(new Dictionary<string, string>
        {
            ["AnomalyStudio__Redis"] = $"127.0.0.1:{port}", // the app's own outage timeouts (1 s), not the client's 5 s
            ["AnomalyStudio__InstanceName"] = "survivor",
            ["AnomalyStudio__DataDirectory"] = Directory.CreateTempSubdirectory("anomalystudio-outage-").FullName,
        });
        using var client = new ClusterClient();
        Assert.Equal(HttpStatusCode.OK, (await client.DetectIntoSessionAsync(server.Address, TestData.Samples("sample_access.log"))).Status);

        // Redis goes away for longer than a few heartbeats: the server keeps running and says why sessions fail.
        await redis.DisposeAsync();
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Equal("survivor", await client.ServedByAsync(server.Address));
        var down = await client.TimedGetAsync(server.Address, "/api/session");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "survivor"), (down.Status, down.Instance));
        output.WriteLine($"Redis stopped: a session request answered 503 in {down.Elapsed.TotalMilliseconds:F0} ms (the circuit is open while the client is disconnected)");

        // Back (empty: it kept nothing on disk): the client reconnects by itself and a new upload makes a new session.
        await using var restarted = await LoopbackService.StartRedisAsync(port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpStatusCode status;
        do
        {
            await Task.Delay(500);
            status = (await client.DetectIntoSessionAsync(server.Address, TestData.Samples("sample_access.log"))).Status;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("sample_access.log", (await client.SessionAsync(server.Address)).File);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using AnomalyStudio.Tests.App.Api;
using AnomalyStudio.Tests.EndToEnd;
using AnomalyStudio.Tests.Load;
using AnomalyStudio.Tests.Support;
using Xunit.Abstractions;

namespace AnomalyStudio.Tests.App.Scaling;

/// <summary>
/// Two servers behind a proxy, sharing Redis: callers stay on their server, a cookie session is the same on every
/// server, and a server killed in the middle of a detection loses nothing another server cannot serve.
/// </summary>
public abstract class ClusterApiTests(ScaleCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_clients_land_on_different_servers_and_each_stays_on_its_own()
    {
        var landed = new List<string>();
        // HAProxy deals new clients out in turn; nginx hashes each client's cookie, so a few clients may share a server first.
        for (var attempt = 0; attempt < 16 && landed.Distinct().Count() < 2; attempt++)
        {
            using var client = new ClusterClient();
            await client.ServedByAsync(cluster.ProxyAddress); // the first answer gives the client its affinity cookie
            var server = await client.ServedByAsync(cluster.ProxyAddress);
            for (var request = 0; request < ScaleRun.StickyRequests; request++)
            {
                Assert.Equal(server, await client.ServedByAsync(cluster.ProxyAddress));
            }

            landed.Add(server);
        }

        Assert.Equal(["a", "b"], landed.Distinct().Order(StringComparer.Ordinal));
        output.WriteLine($"{cluster.Proxy}: {landed.Count} clients ({string.Join(", ", landed)}), each on one server for {ScaleRun.StickyRequests + 1} requests");
    }

    [Fact]
    public async Task A_session_created_on_one_server_is_read_replaced_and_cleared_on_the_other()
    {
        var a = cluster["a"].Address;
        var b = cluster["b"].Address;
        using var client = new ClusterClient();

        Assert.Equal(HttpStatusCode.OK, (await client.DetectIntoSessionAsync(a, TestData.Samples("sample_access.log"))).Status);
        var onA = await client.SessionAsync(a);
        Assert.Equal(onA, await client.SessionAsync(b));
        Assert.Equal("sample_access.log", onA.File);
        Assert.True(onA.HasResults);

        // Server b never saw the upload: it scores the stored one again, to the same report byte for byte.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var entitiesOnA = await client.GetAsync(a, "/api/session/entities");
        var held = clock.Elapsed;
        clock.Restart();
        var entitiesOnB = await client.GetAsync(b, "/api/session/entities");
        output.WriteLine($"entities of sample_access.log: {held.TotalMilliseconds:F0} ms on the server holding the result, {clock.Elapsed.TotalMilliseconds:F0} ms on the other (scoring the stored upload again)");
        output.WriteLine($"Redis holds {await RedisBytesAsync($"*session:{onA.Id}*:input"):N0} bytes of compressed upload for the session (the file has {new FileInfo(TestData.Samples("sample_access.log")).Length:N0})");
        Assert.Equal(HttpStatusCode.OK, entitiesOnB.Status);
        Assert.Equal(entitiesOnA.Body, entitiesOnB.Body);

        // Replaced on b, read on a.
        Assert.Equal(HttpStatusCode.OK, (await client.DetectIntoSessionAsync(b, TestData.Samples("sample_metrics.csv"))).Status);
        Assert.Equal((onA.Id, "sample_metrics.csv", true), await client.SessionAsync(a));
        var spikesOnA = await client.GetAsync(a, "/api/session/spikes");
        Assert.Equal(HttpStatusCode.OK, spikesOnA.Status);
        Assert.Equal((await client.GetAsync(b, "/api/session/spikes")).Body, spikesOnA.Body);

        // Cleared on b: gone on a too.
        await client.ClearAsync(b);
        Assert.Equal((null, null, false), await client.SessionAsync(a));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(a, "/api/session/entities")).Status);
    }

    [Fact]
    public async Task A_server_killed_in_the_middle_of_a_detection_leaves_the_session_to_another()
    {
        var b = cluster["b"].Address;
        await using var doomed = await cluster.StartServerAsync("c");
        using var client = new ClusterClient();
        Assert.Equal(HttpStatusCode.OK, (await client.DetectIntoSessionAsync(doomed.Address, TestData.Samples("sample_access.log"))).Status);
        var entities = await client.GetAsync(doomed.Address, "/api/session/entities");

        // A large upload: once its last byte is sent the server is parsing and scoring it, and is killed then.
        var work = Path.Combine(cluster.ModelDirectory, "..", "uploads");
        var (large, lines) = LoadLogs.OfLines(work, ScaleRun.KilledUploadLines);
        var sent = new TaskCompletionSource();
        var upload = client.DetectIntoSessionAsync(doomed.Address, large, new SignallingContent(large, sent));
        await sent.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await Task.Delay(200);
        await doomed.KillAsync();
        var sinceKill = System.Diagnostics.Stopwatch.StartNew(); // failover is timed from the SIGKILL, as an operator would
        // The killed request fails: its connection breaks, or, when the whole body had reached the proxy already, the
        // proxy answers 502 for the server it lost. Either way it never succeeds.
        try
        {
            var answer = await upload;
            Assert.True((int)answer.Status >= 500, $"the upload to the killed server answered {answer.Status}: {answer.Body}");
        }
        catch (HttpRequestException)
        {
            // the connection broke with the server
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var session = await client.SessionAsync(b);
        Assert.Equal("sample_access.log", session.File);
        Assert.True(session.HasResults, $"{lines:N0}-line upload killed; server b should still hold the first file.\n{doomed.Log}");
        var entitiesOnB = await client.GetAsync(b, "/api/session/entities");
        Assert.Equal(HttpStatusCode.OK, entitiesOnB.Status);
        Assert.Equal(entities.Body, entitiesOnB.Body);
        output.WriteLine($"server c killed while scoring {lines:N0} lines: server b served the session and its entities {clock.Elapsed.TotalMilliseconds:F0} ms after the killed request failed, {sinceKill.Elapsed.TotalMilliseconds:F0} ms after the kill");
    }

    [Fact]
    public async Task A_server_believes_the_scheme_its_proxy_forwards_from_loopback()
    {
        foreach (var (scheme, secure) in new[] { ("https", true), ("http", false) })
        {
            using var http = new HttpClient();
            using var form = ApiRequests.UploadFile(TestData.Samples("sample_access.log"));
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(cluster["a"].Address, "/detect")) { Content = form };
            request.Headers.Add("X-Forwarded-Proto", scheme);
            using var response = await http.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cookie = ApiRequests.SetCookie(response);
            Assert.NotNull(cookie);
            Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Servers_sharing_the_model_directory_train_a_missing_model_once_and_score_alike()
    {
        using var client = new ClusterClient();
        var reports = await Task.WhenAll(
            client.DetectAsync(cluster["a"].Address, TestData.Samples("sample_access.log"), "mode=pretrained&limit=50"),
            client.DetectAsync(cluster["b"].Address, TestData.Samples("sample_access.log"), "mode=pretrained&limit=50"));

        Assert.True(JsonNode.DeepEquals(
            ApiRequests.WithoutTimings(JsonNode.Parse(reports[0])!.AsObject()), ApiRequests.WithoutTimings(JsonNode.Parse(reports[1])!.AsObject())),
            "The two servers' reports differ.");
        var trainings = cluster.Servers.SelectMany(s => s.Log.Split('\n')).Where(l => l.Contains("Trained the pretrained Isolation Forest for access-log", StringComparison.Ordinal)).ToList();
        Assert.True(trainings.Count == 1, $"Expected one training, got {trainings.Count}:\n{string.Join('\n', trainings)}");
        Assert.Empty(Directory.GetFiles(cluster.ModelDirectory, "*.tmp"));
    }

    /// <summary>
    /// Bytes Redis uses for the keys of this cluster matching <paramref name="pattern"/> (MEMORY USAGE, summed). A session's
    /// keys begin with its public id: both are the SHA-256 of the cookie's value, the id its first 12 bytes.
    /// </summary>
    private async Task<long> RedisBytesAsync(string pattern)
    {
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{cluster.RedisPort}");
        var server = redis.GetServer($"127.0.0.1:{cluster.RedisPort}");
        long total = 0;
        await foreach (var key in server.KeysAsync(pattern: pattern))
        {
            total += (long)await redis.GetDatabase().ExecuteAsync("MEMORY", "USAGE", key);
        }

        return total;
    }

    /// <summary>A file's bytes as an upload, saying when the last one has been read for sending.</summary>
    private sealed class SignallingContent(string path, TaskCompletionSource sent) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await using (var file = File.OpenRead(path))
            {
                await file.CopyToAsync(stream);
            }

            await stream.FlushAsync();
            sent.TrySetResult();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = new FileInfo(path).Length;
            return true;
        }
    }
}

[Collection(ScaleTests.Name)]
[Trait("Category", ScaleTests.Category)]
public sealed class HaproxyClusterApiTests(HaproxyCluster cluster, ITestOutputHelper output) : ClusterApiTests(cluster, output), IClassFixture<HaproxyCluster>;

[Collection(ScaleTests.Name)]
[Trait("Category", ScaleTests.Category)]
public sealed class NginxClusterApiTests(NginxCluster cluster, ITestOutputHelper output) : ClusterApiTests(cluster, output), IClassFixture<NginxCluster>;

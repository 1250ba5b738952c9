using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Api.Sessions;
using AnomalyStudio.App.Configuration;
using AnomalyStudio.App.Scaling;
using AnomalyStudio.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AnomalyStudio.Tests.App.Scaling;

/// <summary>
/// The Redis session store as two servers use it, against a real redis-server on a loopback port: the session cap
/// counts both servers, idle sessions are released everywhere, and a result is scored again bit for bit elsewhere.
/// </summary>
[Collection(ScaleTests.Name)]
[Trait("Category", ScaleTests.Category)]
public sealed class RedisSessionStoreTests : IAsyncLifetime, IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);
    private LoopbackService _redis = null!;
    private ConnectionMultiplexer _connection = null!;

    public async Task InitializeAsync()
    {
        _redis = await LoopbackService.StartRedisAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_redis.Port}");
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    public void Dispose() => _test.Dispose();

    /// <summary>One server's store: its own gate, budget and copies of results, the shared Redis.</summary>
    private (RedisApiSessionStore Store, ResultMemoryBudget Budget) Server(AnomalyStudioOptions settings)
    {
        var options = Options.Create(settings);
        var budget = new ResultMemoryBudget(options);
        var admission = new DetectionAdmission(_test.Pipeline, new DetectionGate(options), budget, options);
        var store = new RedisApiSessionStore(_connection, new RedisKeys("test:"), admission, options, TimeProvider.System, NullLogger<RedisApiSessionStore>.Instance);
        return (store, budget);
    }

    [Fact]
    public async Task The_session_cap_counts_the_sessions_of_every_server()
    {
        var settings = new AnomalyStudioOptions { MaxApiSessions = 2 };
        var (a, _) = Server(settings);
        var (b, _) = Server(settings);

        var first = await a.CreateAsync(CancellationToken.None);
        Assert.NotNull(await b.CreateAsync(CancellationToken.None));
        Assert.Null(await a.CreateAsync(CancellationToken.None));
        Assert.False(await b.HasRoomAsync(CancellationToken.None));

        await b.RemoveAsync(first!.Id, CancellationToken.None);
        Assert.True(await a.HasRoomAsync(CancellationToken.None));
        Assert.NotNull(await a.CreateAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_result_is_scored_again_bit_for_bit_on_another_server_and_released_everywhere_when_idle()
    {
        var settings = new AnomalyStudioOptions { SessionIdleTimeoutSeconds = 2 };
        var (a, budgetA) = Server(settings);
        var (b, budgetB) = Server(settings);
        var path = TestData.Samples("sample_access.log");
        var request = ApiSessionRequest.For("sample_access.log", "");
        await using var input = File.OpenRead(path);
        var result = await _test.Pipeline.RunAsync(input, request);
        var state = new ApiSessionState("sample_access.log", "isolation-forest", result, budgetA.TryReserve(result, null, out _));

        var session = await a.CreateAsync(CancellationToken.None);
        Assert.True(await a.StoreAsync(session!, state, () => File.OpenRead(path), CancellationToken.None));

        var onB = await b.FindAsync(session!.Id, CancellationToken.None);
        Assert.Equal(new ApiSessionDescription("sample_access.log", "isolation-forest", 1), onB!.Description);
        var scoredAgain = (await b.LoadResultAsync(onB, CancellationToken.None)).Result!;
        Assert.NotSame(result, scoredAgain);
        Assert.Equal(result.Records.Scores, scoredAgain.Records.Scores);
        Assert.Equal(result.Records.Explanations, scoredAgain.Records.Explanations);
        Assert.True(budgetB.Held > 0);

        // Unused for longer than the timeout: gone from Redis, and each server gives its copy's memory back.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Null(await b.FindAsync(session.Id, CancellationToken.None));
        Assert.Equal(0, budgetB.Held);
        Assert.Equal(1, await a.SweepAsync(CancellationToken.None));
        Assert.Equal(0, budgetA.Held);
        Assert.False(await _connection.GetDatabase().KeyExistsAsync($"test:session:{session.PublicId}"));
    }

    [Fact]
    public async Task A_result_read_with_an_explicit_log_format_is_read_the_same_way_on_another_server()
    {
        var settings = new AnomalyStudioOptions();
        var (a, budgetA) = Server(settings);
        var (b, _) = Server(settings);
        var bytes = System.Text.Encoding.UTF8.GetBytes(CustomHeaderLog.Text);
        var request = ApiSessionRequest.For("payments.log", "", _test.Pipeline.Formats.Choose(null, CustomHeaderLog.Format));
        var result = await _test.Pipeline.RunAsync(new MemoryStream(bytes), request);
        var state = new ApiSessionState("payments.log", "isolation-forest", result, budgetA.TryReserve(result, null, out _), LogFormat: CustomHeaderLog.Format);

        var session = await a.CreateAsync(CancellationToken.None);
        Assert.True(await a.StoreAsync(session!, state, () => new MemoryStream(bytes), CancellationToken.None));

        var onB = await b.FindAsync(session!.Id, CancellationToken.None);
        var scoredAgain = (await b.LoadResultAsync(onB!, CancellationToken.None)).Result!;
        Assert.Equal("line-log", scoredAgain.Format.Name); // without the stored format, detection would refuse the file
        Assert.Equal(result.Records.Scores, scoredAgain.Records.Scores);
        await b.RemoveAsync(session.Id, CancellationToken.None);
    }
}

using StackExchange.Redis;

namespace AnomalyStudio.App.Scaling;

/// <summary>
/// Tells the other servers this one is running: a key renewed every <see cref="Interval"/> that expires
/// <see cref="Lifetime"/> after the last renewal, so a server killed outright is known to have stopped within seconds.
/// </summary>
public sealed class InstanceHeartbeat(IConnectionMultiplexer redis, RedisKeys keys, ServerInstance instance, ILogger<InstanceHeartbeat> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await redis.GetDatabase().StringSetAsync(keys.Instance(instance.RunId), instance.Name, Lifetime);
            }
            catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
            {
                // Never let it end the host: a background service that throws stops the server.
                logger.LogWarning("Could not renew this server's heartbeat in Redis: {Message}", ex.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));

        try
        {
            // A server that stops cleanly says so at once.
            await redis.GetDatabase().KeyDeleteAsync(keys.Instance(instance.RunId));
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            // Redis is away: the key expires by itself.
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

using AnomalyStudio.App.Api;
using AnomalyStudio.App.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AnomalyStudio.App.Scaling;

/// <summary>
/// Redis unreachable (down, restarting, or too slow): the API's session requests answer 503 with Retry-After and a
/// message naming the shared store, rather than a bare 500; the client keeps reconnecting meanwhile.
/// </summary>
public static class SharedStateOutage
{
    public const string Message = "The servers' shared session store (Redis) cannot be reached now; sessions are unavailable until it is back. Try again shortly.";

    /// <summary>Whether <paramref name="error"/> or one it wraps (the key ring wraps it in a CryptographicException) is Redis being unreachable.</summary>
    public static bool IsOutage(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is RedisConnectionException or RedisTimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The database, or at once a <see cref="RedisConnectionException"/> while the client is not connected: a circuit
    /// breaker, so a session request during an outage is answered 503 in milliseconds instead of waiting out a timeout
    /// per call. The client keeps reconnecting in the background and closes the circuit by itself.
    /// </summary>
    public static IDatabase AvailableDatabase(this IConnectionMultiplexer redis) =>
        redis.IsConnected
            ? redis.GetDatabase()
            : throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not connected now; the client keeps reconnecting.", null, CommandStatus.WaitingToBeSent);

    public static Task Answer(HttpContext context)
    {
        RetryAfter.Set(context, context.RequestServices.GetRequiredService<IOptions<AnomalyStudioOptions>>().Value.BusyRetryAfterSeconds);
        return ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, Message).ExecuteAsync(context);
    }
}

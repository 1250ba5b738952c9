namespace AnomalyStudio.App.Api.Sessions;

/// <summary>
/// Releases idle sessions periodically, so a caller who never comes back does not keep a detection in memory:
/// the store only notices an idle session when it is asked for it again.
/// </summary>
public sealed class ApiSessionSweeper(IApiSessionStore store, TimeProvider clock, ILogger<ApiSessionSweeper> logger) : BackgroundService
{
    /// <summary>A sweep at least every minute, and at least once per timeout, so a session outlives its timeout by at most one interval.</summary>
    public static TimeSpan Interval(TimeSpan idleTimeout) =>
        TimeSpan.FromTicks(Math.Clamp(idleTimeout.Ticks, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval(store.IdleTimeout), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var released = await store.SweepAsync(stoppingToken);
                    if (released > 0)
                    {
                        logger.LogDebug("Released {Count} idle API sessions", released);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A shared store that cannot be reached now is swept at the next tick; the sweeper keeps running.
                    logger.LogWarning("Could not sweep idle API sessions: {Message}", ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}

namespace AnomalyStudio.App.Api.Sessions;

/// <summary>
/// Releases idle sessions periodically, so a caller who never comes back does not keep a detection in memory:
/// the store only notices an idle session when it is asked for it again.
/// </summary>
public sealed class ApiSessionSweeper(ApiSessionStore store, TimeProvider clock, ILogger<ApiSessionSweeper> logger) : BackgroundService
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
                var released = store.Sweep();
                if (released > 0)
                {
                    logger.LogDebug("Released {Count} idle API sessions", released);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}

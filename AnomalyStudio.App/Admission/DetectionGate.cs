using System.Threading.RateLimiting;
using AnomalyStudio.App.Configuration;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.App.Admission;

/// <summary>
/// The server-wide bound on detections running at once, shared by every door that runs the pipeline in the web
/// app (<c>POST /api/detect</c>, <c>POST /detect</c>, the dashboard). A detection holds its parsed records,
/// features and scores in memory and uses every core, so unbounded concurrency ends in memory exhaustion, not
/// speed: up to <see cref="AnomalyStudioOptions.MaxConcurrentDetections"/> run, up to
/// <see cref="AnomalyStudioOptions.MaxQueuedDetections"/> wait in arrival order, and the rest are told the
/// server is busy and when to try again.
/// </summary>
public sealed class DetectionGate : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;

    public DetectionGate(IOptions<AnomalyStudioOptions> options)
    {
        var settings = options.Value;
        MaxConcurrent = settings.EffectiveMaxConcurrentDetections;
        MaxQueued = settings.MaxQueuedDetections;
        RetryAfterSeconds = Math.Max(1, settings.BusyRetryAfterSeconds);
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = MaxConcurrent,
            QueueLimit = MaxQueued,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public int MaxConcurrent { get; }

    public int MaxQueued { get; }

    /// <summary>What a refused caller is told to wait before trying again, in whole seconds (the HTTP <c>Retry-After</c> header's unit).</summary>
    public int RetryAfterSeconds { get; }

    /// <summary>Detections running now.</summary>
    public int Running => MaxConcurrent - (int)(_limiter.GetStatistics()?.CurrentAvailablePermits ?? MaxConcurrent);

    /// <summary>Detections waiting for a slot now.</summary>
    public int Queued => (int)(_limiter.GetStatistics()?.CurrentQueuedCount ?? 0);

    /// <summary>
    /// Takes a slot, waiting in the queue when every slot is taken (<paramref name="queued"/> is called first, so a
    /// page can say it is waiting). The slot is refused, not awaited, when the queue is full too; dispose it to
    /// free the slot for the next detection.
    /// </summary>
    public async ValueTask<DetectionSlot> EnterAsync(Action? queued, CancellationToken cancellationToken)
    {
        var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            queued?.Invoke();
            lease = await _limiter.AcquireAsync(1, cancellationToken);
        }

        if (lease.IsAcquired)
        {
            return DetectionSlot.Entered(lease);
        }

        lease.Dispose();
        return DetectionSlot.Busy(RetryAfterSeconds);
    }

    public void Dispose() => _limiter.Dispose();
}

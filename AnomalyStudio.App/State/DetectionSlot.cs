using System.Globalization;
using System.Threading.RateLimiting;

namespace AnomalyStudio.App.State;

/// <summary>
/// A place among the detections the server runs at once (<see cref="DetectionGate"/>), or the refusal to give
/// one: then <see cref="Message"/> says so in words and <see cref="RetryAfter"/> when to try again.
/// </summary>
public sealed class DetectionSlot : IDisposable
{
    private readonly RateLimitLease? _lease;

    private DetectionSlot(RateLimitLease? lease, TimeSpan retryAfter)
    {
        _lease = lease;
        RetryAfter = retryAfter;
    }

    public bool IsEntered => _lease is not null;

    /// <summary>How long a refused caller should wait before trying again (zero for an entered slot).</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>Whole seconds for the HTTP <c>Retry-After</c> header, at least 1.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    /// <summary>Why the slot was refused, for the user; null when it was entered.</summary>
    public string? Message => IsEntered
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"The server is busy with other detections; try again in {RetryAfterSeconds} s.");

    public static DetectionSlot Entered(RateLimitLease lease) => new(lease, TimeSpan.Zero);

    public static DetectionSlot Busy(TimeSpan retryAfter) => new(null, retryAfter);

    public void Dispose() => _lease?.Dispose();
}

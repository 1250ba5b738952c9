using System.Globalization;
using System.Threading.RateLimiting;

namespace AnomalyStudio.App.Admission;

/// <summary>
/// A place among the detections the server runs at once (<see cref="DetectionGate"/>), or the refusal to give
/// one: then <see cref="Message"/> says so in words and <see cref="RetryAfterSeconds"/> when to try again.
/// </summary>
public sealed class DetectionSlot : IDisposable
{
    private readonly RateLimitLease? _lease;

    private DetectionSlot(RateLimitLease? lease, int retryAfterSeconds)
    {
        _lease = lease;
        RetryAfterSeconds = retryAfterSeconds;
    }

    public bool IsEntered => _lease is not null;

    /// <summary>Whole seconds a refused caller should wait before trying again, for the HTTP <c>Retry-After</c> header (0 for an entered slot).</summary>
    public int RetryAfterSeconds { get; }

    /// <summary>Why the slot was refused, for the user; null when it was entered.</summary>
    public string? Message => IsEntered
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"The server is busy with other detections; try again in {RetryAfterSeconds} s.");

    public static DetectionSlot Entered(RateLimitLease lease) => new(lease, 0);

    public static DetectionSlot Busy(int retryAfterSeconds) => new(null, retryAfterSeconds);

    public void Dispose() => _lease?.Dispose();
}

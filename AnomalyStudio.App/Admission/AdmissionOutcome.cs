using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Admission;

/// <summary>
/// What <see cref="DetectionAdmission"/> gave: a result (with its share of the result budget, or the detection slot it
/// still holds), or a refusal with the message and, for a busy server, when to try again. Disposing it frees what it holds.
/// </summary>
public sealed class AdmissionOutcome : IDisposable
{
    private readonly IDisposable? _slot;

    private AdmissionOutcome(DetectionResult? result, ResultReservation? memory, IDisposable? slot, AdmissionRefusal? refusal, string? message, int retryAfterSeconds)
    {
        Result = result;
        Memory = memory;
        _slot = slot;
        Refusal = refusal;
        Message = message;
        RetryAfterSeconds = retryAfterSeconds;
    }

    public DetectionResult? Result { get; }

    /// <summary>The kept result's share of the server's result budget; the session that keeps the result owns it.</summary>
    public ResultReservation? Memory { get; }

    public AdmissionRefusal? Refusal { get; }

    /// <summary>Why it was refused, for the user; null for a result.</summary>
    public string? Message { get; }

    /// <summary>Whole seconds to wait before trying again, for the HTTP <c>Retry-After</c> header (0 when not busy).</summary>
    public int RetryAfterSeconds { get; }

    public static AdmissionOutcome Kept(DetectionResult result, ResultReservation memory) => new(result, memory, null, null, null, 0);

    public static AdmissionOutcome Held(DetectionResult result, IDisposable slot) => new(result, null, slot, null, null, 0);

    public static AdmissionOutcome Refused(AdmissionRefusal refusal, string message, int retryAfterSeconds) => new(null, null, null, refusal, message, retryAfterSeconds);

    /// <summary>Frees the detection slot a <see cref="Held"/> admission holds (the reservation belongs to the session).</summary>
    public void Dispose() => _slot?.Dispose();
}

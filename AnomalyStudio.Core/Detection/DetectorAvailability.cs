namespace AnomalyStudio.Core.Detection;

/// <summary>Whether a detector can run here; <see cref="Reason"/> says exactly why not when it cannot.</summary>
public sealed record DetectorAvailability(bool IsAvailable, string? Reason)
{
    public static DetectorAvailability Available { get; } = new(true, null);

    public static DetectorAvailability Unavailable(string reason) => new(false, reason);
}

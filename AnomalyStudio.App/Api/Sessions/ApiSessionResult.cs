using AnomalyStudio.App.Admission;
using AnomalyStudio.App.State;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Api.Sessions;

/// <summary>A session's result as <see cref="IApiSessionStore.LoadResultAsync"/> found it: the result, none, or why it cannot be had now.</summary>
public sealed record ApiSessionResult(DetectionResult? Result, AdmissionRefusal? Refusal = null, string? Message = null, int RetryAfterSeconds = 0)
{
    public static ApiSessionResult None { get; } = new((DetectionResult?)null);
}

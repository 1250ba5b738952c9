using AnomalyStudio.App.Configuration;
using AnomalyStudio.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.App.Admission;

/// <summary>
/// The one way the web app's doors run a detection: a slot of the server-wide <see cref="DetectionGate"/> (waiting in
/// its queue, or refused as busy), the pipeline, then, for a result a session will keep, the per-session cap and a share
/// of the server-wide <see cref="ResultMemoryBudget"/>. The dashboard, <c>POST /detect</c> and <c>POST /api/detect</c> use
/// it, so a bound added here holds at every door. Bad input still throws <c>InvalidInputException</c> for the door to word.
/// </summary>
public sealed class DetectionAdmission(DetectionPipeline pipeline, DetectionGate gate, ResultMemoryBudget budget, IOptions<AnomalyStudioOptions> options)
{
    public DetectionPipeline Pipeline => pipeline;

    public DetectionGate Gate => gate;

    /// <summary>
    /// Runs a detection whose result a session keeps. <paramref name="replacing"/> is asked after the run for the share
    /// of the result it will replace (a session may have been released meanwhile), which counts as free.
    /// </summary>
    public async Task<AdmissionOutcome> RunForSessionAsync(
        Func<Stream> open, DetectionRequest request, Func<ResultReservation?> replacing, Action? queued, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        DetectionResult result;
        using (var slot = await gate.EnterAsync(queued, cancellationToken))
        {
            if (!slot.IsEntered)
            {
                return AdmissionOutcome.Refused(AdmissionRefusal.Busy, slot.Message!, slot.RetryAfterSeconds);
            }

            await using var stream = open();
            result = await pipeline.RunAsync(stream, request, progress, cancellationToken);
        }

        // Sessions outlive the request, so what one may keep is bounded.
        if (SessionResultLimit.Refusal(result, options.Value.MaxSessionResultBytes) is { } tooLarge)
        {
            return AdmissionOutcome.Refused(AdmissionRefusal.TooLarge, tooLarge, 0);
        }

        if (budget.TryReserve(result, replacing(), out var full) is not { } memory)
        {
            return AdmissionOutcome.Refused(AdmissionRefusal.ServerFull, full!, gate.RetryAfterSeconds);
        }

        return AdmissionOutcome.Kept(result, memory);
    }

    /// <summary>
    /// Runs a detection whose result only lives until it is written out: the admission holds the detection slot, and
    /// disposing it (once the report is written) frees the slot, since until then the result is in memory as much as
    /// while it was computed.
    /// </summary>
    public async Task<AdmissionOutcome> RunOnceAsync(Func<Stream> open, DetectionRequest request, CancellationToken cancellationToken)
    {
        var slot = await gate.EnterAsync(null, cancellationToken);
        if (!slot.IsEntered)
        {
            return AdmissionOutcome.Refused(AdmissionRefusal.Busy, slot.Message!, slot.RetryAfterSeconds);
        }

        try
        {
            await using var stream = open();
            return AdmissionOutcome.Held(await pipeline.RunAsync(stream, request, null, cancellationToken), slot);
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }
}

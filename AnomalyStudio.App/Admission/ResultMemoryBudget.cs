using System.Globalization;
using AnomalyStudio.App.Configuration;
using AnomalyStudio.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.App.Admission;

/// <summary>
/// The server-wide bound on what all sessions together keep in memory (dashboard tabs and cookie sessions). The
/// per-session cap alone leaves the total to the number of sessions; this makes it a number: a result is kept only
/// when its estimated size (<see cref="ResultFootprint"/>) fits in what is left of
/// <see cref="AnomalyStudioOptions.MaxTotalResultBytes"/>, else the caller keeps its previous result and is told
/// the server is full.
/// </summary>
public sealed class ResultMemoryBudget(IOptions<AnomalyStudioOptions> options)
{
    private long _held;

    /// <summary>The most bytes all kept results may take: the setting, or half the memory available to the process when it is 0.</summary>
    public long Capacity { get; } = options.Value.MaxTotalResultBytes > 0
        ? options.Value.MaxTotalResultBytes
        : Math.Max(1, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);

    /// <summary>Bytes the kept results take now, by their estimates.</summary>
    public long Held => Interlocked.Read(ref _held);

    /// <summary>
    /// Reserves room for <paramref name="result"/>, counting the share of the result it will replace
    /// (<paramref name="replacing"/>, which the caller disposes once the new result is in place) as free; null, with
    /// <paramref name="refusal"/> saying why, when it does not fit. Dispose the reservation when the result is dropped.
    /// </summary>
    public ResultReservation? TryReserve(DetectionResult result, ResultReservation? replacing, out string? refusal)
    {
        var bytes = ResultFootprint.Of(result);
        var freed = replacing?.Bytes ?? 0;
        while (true)
        {
            var held = Interlocked.Read(ref _held);
            if (held - freed + bytes > Capacity)
            {
                refusal = string.Create(CultureInfo.InvariantCulture,
                    $"The server is holding {(held - freed) / 1048576.0:N0} MB of results for all sessions, and the {bytes / 1048576.0:N1} MB of {result.FileName} would pass its limit of {Capacity / 1048576.0:N0} MB (AnomalyStudio:MaxTotalResultBytes); try again when other sessions have finished.");
                return null;
            }

            if (Interlocked.CompareExchange(ref _held, held + bytes, held) == held)
            {
                refusal = null;
                return new ResultReservation(this, bytes);
            }
        }
    }

    internal void Release(long bytes) => Interlocked.Add(ref _held, -bytes);
}

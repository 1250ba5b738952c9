using System.Globalization;
using AnomalyStudio.App.Configuration;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Admission;

/// <summary>
/// Refuses to keep a result in a session (a dashboard tab or a cookie session) when its estimated size is over
/// <see cref="AnomalyStudioOptions.MaxSessionResultBytes"/>: sessions hold results between requests, so their
/// number times this cap is what the server's memory must cover.
/// </summary>
public static class SessionResultLimit
{
    /// <summary>Why <paramref name="result"/> is too large to keep, naming both sizes; null when it fits.</summary>
    public static string? Refusal(DetectionResult result, long maxBytes)
    {
        var size = ResultFootprint.Of(result);
        return size <= maxBytes
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"The results of {result.FileName} ({result.Summary.Total:N0} records) would take about {Megabytes(size)} in memory; a session keeps at most {Megabytes(maxBytes)} (AnomalyStudio:MaxSessionResultBytes).");
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N1} MB");
}

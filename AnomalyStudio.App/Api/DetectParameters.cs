using System.Globalization;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Api;

/// <summary>
/// Reads the query of <c>POST /api/detect</c> with the CLI's choices and defaults. They arrive as text so a bad
/// value is answered with the same problem details as any other bad input, not the framework's bare 400.
/// </summary>
public static class DetectParameters
{
    public static DetectionMode Mode(string? mode) => DetectionModes.Parse(mode);

    public static int? Limit(string? limit)
    {
        if (string.IsNullOrWhiteSpace(limit))
        {
            return null;
        }

        if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidInputException($"limit must be a whole number of 0 or more, not '{limit}'.");
        }

        return value;
    }
}

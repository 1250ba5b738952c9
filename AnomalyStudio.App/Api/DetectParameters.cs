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

    /// <summary>What <c>view</c> asks the pipeline for: nothing more for records, entities or spikes.</summary>
    public static (Core.Entities.EntityOptions? Entities, Core.Spikes.SpikeOptions? Spikes) View(string? view, bool sessions, string? entityColumn) =>
        (view?.Trim().ToLowerInvariant()) switch
        {
            null or "" or "records" => sessions || !string.IsNullOrWhiteSpace(entityColumn)
                ? throw new InvalidInputException("sessions and entityColumn go with view=entities.")
                : (null, null),
            "entities" => (new Core.Entities.EntityOptions { Sessions = sessions, Column = string.IsNullOrWhiteSpace(entityColumn) ? null : entityColumn }, null),
            "spikes" => (null, new Core.Spikes.SpikeOptions()),
            _ => throw new InvalidInputException($"view must be records, entities or spikes, not '{view}'."),
        };

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

using AnomalyStudio.Core;

namespace AnomalyStudio.App.Api;

/// <summary>
/// Reads the <c>view</c> of <c>POST /api/detect</c> (model, mode and limit are read with the CLI's own parsers). It
/// arrives as text so a bad value is answered with the same problem details as any other bad input.
/// </summary>
public static class DetectParameters
{
    /// <summary>
    /// A true/false query parameter, read here rather than bound, so <c>counts=maybe</c> is a 400 that names the parameter
    /// and the value instead of the framework's bare "Bad Request". Absent or empty: false.
    /// </summary>
    public static bool Flag(string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? false
        : bool.TryParse(value.Trim(), out var flag) ? flag
        : throw new InvalidInputException($"{name} must be true or false, not '{Core.Reporting.InertText.ForTerminal(value.Length > 40 ? value[..40] + "…" : value)}'.");

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
}

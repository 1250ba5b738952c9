using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Api.Sessions;

/// <summary>
/// The one request a cookie session's upload is scored with (auto mode, entities, spikes and patterns), so a server that scores a
/// stored upload again asks exactly what the first one did and, the pipeline being deterministic, gets the same result.
/// </summary>
public static class ApiSessionRequest
{
    public static DetectionRequest For(string fileName, string model, Core.Formats.FormatChoice? format = null) =>
        new() { FileName = fileName, Model = model, Format = format, Entities = new(), Spikes = new(), Patterns = new() };
}

using System.Text.Json;
using AnomalyStudio.App.Api.Contracts;

namespace AnomalyStudio.App.Api;

/// <summary>
/// Reads the body of <c>POST /api/session/spikes</c> itself, so every wrong body gets a 400 that says in words what was
/// wrong (not JSON, no start, a time that is not ISO 8601) instead of the framework's bare "Bad Request" or a window
/// from 0001-01-01.
/// </summary>
public static class SpikeWindowBody
{
    /// <summary>A window is a few lines of JSON; more is refused before it is read.</summary>
    public const int MaxBytes = 16 * 1024;

    private const string Example = """Send {"start": "2015-05-20T02:40:00Z", "end": "2015-05-20T02:42:00Z"} (ISO 8601 times; baselineStart and baselineEnd are optional).""";

    /// <summary>The window asked for, or what is wrong with the body.</summary>
    public static async Task<(SpikeWindowRequest? Window, string? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, $"The body is {request.ContentLength:N0} bytes; a window is at most {MaxBytes:N0}. {Example}");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, $"The body is longer than {MaxBytes:N0} bytes, the most a window takes. {Example}");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, "The body is empty. " + Example);
        }

        try
        {
            using var json = JsonDocument.Parse(buffer.ToArray());
            return json.RootElement.ValueKind == JsonValueKind.Object
                ? Window(json.RootElement)
                : (null, $"The body is JSON but not an object (it is {json.RootElement.ValueKind.ToString().ToLowerInvariant()}). {Example}");
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not JSON: {ex.Message.Split(" Path:")[0].TrimEnd('.')}. {Example}");
        }
    }

    private static (SpikeWindowRequest? Window, string? Problem) Window(JsonElement body)
    {
        var (start, startProblem) = Time(body, "start", required: true);
        var (end, endProblem) = Time(body, "end", required: true);
        var (baselineStart, baselineStartProblem) = Time(body, "baselineStart", required: false);
        var (baselineEnd, baselineEndProblem) = Time(body, "baselineEnd", required: false);
        var problem = startProblem ?? endProblem ?? baselineStartProblem ?? baselineEndProblem;
        return problem is null ? (new SpikeWindowRequest(start!.Value, end!.Value, baselineStart, baselineEnd), null) : (null, problem);
    }

    private static (DateTimeOffset? Time, string? Problem) Time(JsonElement body, string name, bool required)
    {
        var member = body.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (member.Value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return (null, required ? $"The body has no '{name}'. {Example}" : null);
        }

        return member.Value.ValueKind == JsonValueKind.String && member.Value.TryGetDateTimeOffset(out var time)
            ? (time, null)
            : (null, $"'{name}' is {Core.Reporting.InertText.ForTerminal(Shorten(member.Value.GetRawText()))}, not an ISO 8601 time such as 2015-05-20T02:40:00Z.");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

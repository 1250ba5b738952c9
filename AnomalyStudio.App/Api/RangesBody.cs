using System.Text.Json;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Pipeline.Comparison;

namespace AnomalyStudio.App.Api;

/// <summary>
/// Reads the body of <c>POST /api/session/compare</c> itself, so every wrong body gets a 400 that says in words what was
/// wrong (not JSON, not an object, a time that is not ISO 8601, half a range, no range, overlapping ranges).
/// </summary>
public static class RangesBody
{
    /// <summary>Two ranges are a few lines of JSON; more is refused before it is read.</summary>
    public const int MaxBytes = 16 * 1024;

    private const string Example = """Send {"incidentStart": "2015-05-18T03:00:00Z", "incidentEnd": "2015-05-20T03:00:00Z"} and/or baselineStart and baselineEnd (ISO 8601 times); the range left out is the rest of the file.""";

    /// <exception cref="InvalidInputException">What is wrong with the body, in words.</exception>
    public static async Task<ComparisonWindows> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new InvalidInputException($"The body is {request.ContentLength:N0} bytes; two ranges are at most {MaxBytes:N0}. {Example}");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new InvalidInputException($"The body is longer than {MaxBytes:N0} bytes, the most two ranges take. {Example}");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new InvalidInputException("The body is empty. " + Example);
        }

        try
        {
            using var json = JsonDocument.Parse(buffer.ToArray());
            var body = json.RootElement;
            if (body.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidInputException($"The body is JSON but not an object (it is {body.ValueKind.ToString().ToLowerInvariant()}). {Example}");
            }

            var baseline = ComparisonWindows.ParseEnds(Text(body, CompareEndpoints.BaselineStart), Text(body, CompareEndpoints.BaselineEnd), CompareEndpoints.BaselineStart, CompareEndpoints.BaselineEnd);
            var incident = ComparisonWindows.ParseEnds(Text(body, CompareEndpoints.IncidentStart), Text(body, CompareEndpoints.IncidentEnd), CompareEndpoints.IncidentStart, CompareEndpoints.IncidentEnd);
            return ComparisonWindows.Of(baseline, incident);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException($"The body is not JSON: {ex.Message.Split(" Path:")[0].TrimEnd('.')}. {Example}");
        }
    }

    /// <summary>A member's text (any case of its name); a number or object is passed on as its JSON, to be refused as not a time.</summary>
    private static string? Text(JsonElement body, string name)
    {
        var member = body.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return member.Value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.String => member.Value.GetString(),
            _ => member.Value.GetRawText(),
        };
    }
}

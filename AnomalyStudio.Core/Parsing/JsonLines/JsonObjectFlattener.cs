using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AnomalyStudio.Core.Parsing.JsonLines;

/// <summary>
/// Turns one JSON object into flat (key, cell) pairs: nested objects become dotted keys (<c>http.request.method</c>),
/// arrays stay whole as their compact JSON text (<c>["a","b"]</c>) so a tag list is one categorical value rather than
/// a column per position, numbers keep their JSON spelling, booleans read "true"/"false" and null is a missing cell.
/// </summary>
public static class JsonObjectFlattener
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Parses <paramref name="line"/>; on failure <paramref name="reason"/> says why in words for the user.</summary>
    public static bool TryFlatten(string line, List<JsonCell> cells, out string reason)
    {
        cells.Clear();
        try
        {
            using var document = Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                reason = $"a JSON {Describe(document.RootElement.ValueKind)}, not an object";
                return false;
            }

            Flatten(document.RootElement, null, cells);
            reason = string.Empty;
            return true;
        }
        catch (JsonException ex)
        {
            reason = ex.BytePositionInLine is { } position
                ? $"not valid JSON (at character {position + 1:N0})"
                : "not valid JSON";
            return false;
        }
    }

    /// <summary>Whether the line parses as a JSON object (for format detection).</summary>
    public static bool IsObject(string line)
    {
        var trimmed = line.AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed[0] != '{')
        {
            return false;
        }

        try
        {
            using var document = Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Parses the line; when it is not JSON only because a string holds raw bytes that the decoder kept as <c>\xNN</c>
    /// (<see cref="RawByteEscapingStream"/>; JSON has no <c>\x</c> escape), it is parsed again with those backslashes
    /// escaped, so the value reads <c>\xNN</c> as everywhere else rather than the line being skipped.
    /// </summary>
    private static JsonDocument Parse(string line)
    {
        try
        {
            return JsonDocument.Parse(line, Options);
        }
        catch (JsonException) when (line.Contains("\\x", StringComparison.Ordinal) && KeepRawByteEscapes(line) is { } kept)
        {
            return JsonDocument.Parse(kept, Options);
        }
    }

    /// <summary>The line with each <c>\xNN</c> whose backslash is not itself escaped written <c>\\xNN</c>; null when it has none.</summary>
    private static string? KeepRawByteEscapes(string line)
    {
        var text = new StringBuilder(line.Length + 16);
        var changed = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '\\')
            {
                text.Append(line[i]);
                continue;
            }

            if (i + 3 < line.Length && line[i + 1] == 'x' && char.IsAsciiHexDigit(line[i + 2]) && char.IsAsciiHexDigit(line[i + 3]))
            {
                text.Append('\\');
                changed = true;
            }
            else if (i + 1 < line.Length)
            {
                text.Append(line[i++]); // an escape JSON knows: its character is copied with it
            }

            text.Append(line[i]);
        }

        return changed ? text.ToString() : null;
    }

    private static void Flatten(JsonElement element, string? prefix, List<JsonCell> cells)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix is null ? property.Name : prefix + "." + property.Name;
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(value, key, cells);
                    break;
                case JsonValueKind.Array:
                    cells.Add(new(key, Compact(value), prefix is not null));
                    break;
                case JsonValueKind.String:
                    cells.Add(new(key, value.GetString() ?? string.Empty, prefix is not null));
                    break;
                case JsonValueKind.Number:
                    cells.Add(new(key, value.GetRawText(), prefix is not null));
                    break;
                case JsonValueKind.True:
                case JsonValueKind.False:
                    cells.Add(new(key, value.ValueKind == JsonValueKind.True ? "true" : "false", prefix is not null));
                    break;
                default:
                    cells.Add(new(key, string.Empty, prefix is not null)); // null: the key exists, its value is missing
                    break;
            }
        }
    }

    private static string Compact(JsonElement array)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            array.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}

namespace AnomalyStudio.Core.Features.Text;

/// <summary>
/// Reads a text's content (a URI, a request body, a user agent, a log message) as its features see it: percent-decoded
/// up to twice, Nginx's \xHH escapes turned into characters, lower-cased.
/// </summary>
public static class TextContent
{
    /// <summary>Percent-decodes up to twice ('+' as space), turns Nginx's \xHH escapes into characters, and lower-cases.</summary>
    public static string Decode(string text)
    {
        var decoded = text;
        if (decoded.Contains("\\x", StringComparison.Ordinal))
        {
            decoded = UnescapeHex(decoded);
        }

        for (var pass = 0; pass < 2 && (decoded.Contains('%', StringComparison.Ordinal) || decoded.Contains('+', StringComparison.Ordinal)); pass++)
        {
            decoded = Unescape(decoded);
        }

        return decoded.ToLowerInvariant();
    }

    private static readonly System.Text.Encoding StrictUtf8 = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>
    /// Percent-decodes once ('+' as space). The bytes are read as UTF-8 when they are valid UTF-8 and as Latin-1
    /// otherwise (older sites, such as CSIC 2010's shop, encode "jamón" as jam%F3n); a '%' not followed by two hex
    /// digits stays as it is.
    /// </summary>
    private static string Unescape(string text)
    {
        var bytes = new List<byte>(text.Length);
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                bytes.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
                i += 2;
                continue;
            }

            Flush(bytes, builder);
            builder.Append(c == '+' ? ' ' : c);
        }

        Flush(bytes, builder);
        return builder.ToString();
    }

    private static void Flush(List<byte> bytes, System.Text.StringBuilder builder)
    {
        if (bytes.Count == 0)
        {
            return;
        }

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
        try
        {
            builder.Append(StrictUtf8.GetString(span));
        }
        catch (System.Text.DecoderFallbackException)
        {
            builder.Append(System.Text.Encoding.Latin1.GetString(span));
        }

        bytes.Clear();
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static string UnescapeHex(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x' && char.IsAsciiHexDigit(text[i + 2]) && char.IsAsciiHexDigit(text[i + 3]))
            {
                builder.Append((char)Convert.ToInt32(text.Substring(i + 2, 2), 16));
                i += 3;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}

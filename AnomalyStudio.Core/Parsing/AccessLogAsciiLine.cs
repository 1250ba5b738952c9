using System.Globalization;
using System.Text;
using static AnomalyStudio.Core.Parsing.AccessLogFields<byte>;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Reads an access-log line that is all ASCII (nearly every line of a real log) straight from its bytes, field for
/// field as <see cref="AccessLogParser"/> reads the line's characters: an ASCII byte is the character of the same
/// code, so the fields, the codes they get and the record are the same, without decoding the line to UTF-16 first.
/// A line it cannot read is left to the character reader, which says why.
/// </summary>
internal static class AccessLogAsciiLine
{
    /// <summary>Appends the record of an ASCII <paramref name="line"/> to <paramref name="into"/>; false, adding nothing, when it is not one.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseInto(ReadOnlySpan<byte> line, long lineNumber, StringPool pool, RecentFields recent, AccessLogTableBuilder into)
    {
        var rest = TrimEnd(line);
        if (!TryToken(ref rest, out var ip) || !TryToken(ref rest, out var ident) || !TryToken(ref rest, out var user)
            || !TryBracketedTimestamp(ref rest, recent, out var timestamp) || !TryQuoted(ref rest, out var request))
        {
            return false;
        }

        SplitRequest(request, out var method, out var uri, out var protocol);
        if (!TryStatusAndSize(ref rest, out var status, out var bytes))
        {
            return false;
        }

        var referrer = StringPool.NullCode;
        var userAgent = StringPool.NullCode;
        if (!rest.IsEmpty)
        {
            if (!TryQuoted(ref rest, out var referrerText) || !TryQuotedOrTruncated(ref rest, out var agentText))
            {
                return false;
            }

            referrer = recent.InternAscii(pool, AccessLogTableBuilder.Referrer, referrerText);
            userAgent = recent.InternAscii(pool, AccessLogTableBuilder.UserAgent, agentText);
        }

        into.Add(
            lineNumber, recent.InternAscii(pool, AccessLogTableBuilder.Ip, ip), pool.InternAscii(ident), pool.InternAscii(user), timestamp,
            recent.InternAscii(pool, AccessLogTableBuilder.Method, method), recent.InternAscii(pool, AccessLogTableBuilder.Uri, uri),
            recent.InternAscii(pool, AccessLogTableBuilder.Protocol, protocol), status, bytes, referrer, userAgent);
        return true;
    }

    /// <summary>string.TrimEnd(): the white space it trims, among ASCII characters.</summary>
    private static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> line)
    {
        var end = line.Length;
        while (end > 0 && char.IsWhiteSpace((char)line[end - 1]))
        {
            end--;
        }

        return line[..end];
    }

    /// <summary>The bracketed timestamp and the spaces after it; the previous line's when its text is the same.</summary>
    private static bool TryBracketedTimestamp(ref ReadOnlySpan<byte> rest, RecentFields recent, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (rest.IsEmpty || rest[0] != (byte)'[')
        {
            return false;
        }

        var close = rest.IndexOf((byte)']');
        if (close < 0)
        {
            return false;
        }

        var timeText = rest[1..close];
        if (!recent.TryRepeatAscii(timeText, out timestamp))
        {
            // The layout has 26 characters; the character reader parses the characters (and remembers them).
            Span<char> chars = stackalloc char[AccessLogTimestamp.Length];
            if (timeText.Length != AccessLogTimestamp.Length || Ascii.ToUtf16(timeText, chars, out _) != System.Buffers.OperationStatus.Done
                || !AccessLogTimestamp.TryParse(chars, out timestamp))
            {
                return false;
            }

            recent.Remember(chars, timestamp);
        }

        rest = rest[(close + 1)..].TrimStart((byte)' ');
        return true;
    }

    private static bool TryStatusAndSize(ref ReadOnlySpan<byte> rest, out int status, out long bytes)
    {
        bytes = 0;
        if (!TryToken(ref rest, out var statusText) || statusText.Length != 3 || !int.TryParse(statusText, out status) || status < 100)
        {
            status = 0;
            return false;
        }

        return TryToken(ref rest, out var bytesText)
            && ((bytesText.Length == 1 && bytesText[0] == (byte)'-') || long.TryParse(bytesText, NumberStyles.None, null, out bytes));
    }

    // "GET /a HTTP/1.1" normally; probes send "-", a bare token or garbage, which we keep as the method.
    private static void SplitRequest(ReadOnlySpan<byte> request, out ReadOnlySpan<byte> method, out ReadOnlySpan<byte> uri, out ReadOnlySpan<byte> protocol)
    {
        var first = request.IndexOf((byte)' ');
        if (first < 0)
        {
            method = request;
            uri = default;
            protocol = default;
            return;
        }

        method = request[..first];
        var remainder = request[(first + 1)..];
        var last = remainder.LastIndexOf((byte)' ');
        if (last >= 0 && remainder[(last + 1)..] is var candidate && candidate.Length >= 5 && Ascii.EqualsIgnoreCase(candidate[..5], "HTTP/"u8))
        {
            uri = remainder[..last];
            protocol = candidate;
        }
        else
        {
            uri = remainder;
            protocol = default;
        }
    }
}

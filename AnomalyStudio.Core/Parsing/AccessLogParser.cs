using System.Text;
using static AnomalyStudio.Core.Parsing.AccessLogFields<char>;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Parses Apache/Nginx access logs in combined or common log format:
/// <c>ip ident user [dd/MMM/yyyy:HH:mm:ss +zzzz] "METHOD uri PROTOCOL" status bytes ["referrer" "user agent"]</c>.
/// Works on UTF-8 bytes line by line; malformed lines are skipped and reported, never fatal.
/// </summary>
public sealed class AccessLogParser
{
    /// <summary>
    /// Parses the whole stream, in blocks of lines on all cores; records come back in file order.
    /// Throws <see cref="InvalidInputException"/> when no line is an access-log record.
    /// </summary>
    public AccessLogParseResult Parse(
        Stream stream,
        ParseLimits? limits = null,
        IProgress<long>? bytesRead = null,
        CancellationToken cancellationToken = default)
    {
        limits ??= ParseLimits.Default;
        var reader = new Utf8BlockReader(stream, limits.MaxLineBytes);
        var parts = new List<Part?>();
        long recordCount = 0;
        using var pools = new ThreadLocal<StringPool>(() => new StringPool());
        using var chars = new ThreadLocal<char[]>(() => new char[limits.MaxLineBytes + 1]);
        var blocks = reader.Blocks().Select(block =>
        {
            bytesRead?.Report(reader.BytesRead);
            return block;
        });
        try
        {
            Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(blocks, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { CancellationToken = cancellationToken },
            block =>
            {
                using (block)
                {
                    var part = ParseBlock(block, limits, pools.Value!, chars.Value!);
                    var total = Interlocked.Add(ref recordCount, part.Records.Count);
                    if (total > limits.MaxRecords)
                    {
                        var first = (int)Math.Clamp(limits.MaxRecords - (total - part.Records.Count), 0, part.Records.Count - 1);
                        throw new InvalidInputException(
                            $"The file has more than {limits.MaxRecords:N0} records, the most one analysis accepts.", part.Records.LineAt(first));
                    }

                    lock (parts)
                    {
                        while (parts.Count <= block.Index)
                        {
                            parts.Add(null);
                        }

                        parts[block.Index] = part;
                    }
                }
            });
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.OfType<InvalidInputException>().MinBy(e => e.LineNumber ?? long.MaxValue) is { } invalid)
        {
            // Reading (a corrupt gzip stream, say) fails on whichever thread asked for the next block, and blocks parsed
            // at the same time can each pass the record limit: the user gets the project's one error, at its earliest line.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(invalid);
        }

        bytesRead?.Report(reader.BytesRead);
        var records = AccessLogTable.Concat(parts.Select(p => p!.Records).ToList());
        var skipped = new SkippedLines();
        foreach (var part in parts)
        {
            skipped.Append(part!.Skipped);
        }

        if (records.Count == 0)
        {
            var first = skipped.Examples.Count > 0
                ? $" Line {skipped.Examples[0].LineNumber}: {skipped.Examples[0].Reason}."
                : string.Empty;
            throw new InvalidInputException(
                skipped.Count == 0
                    ? "The file has no access-log lines."
                    : $"None of the {skipped.Count:N0} lines is an access-log record.{first}",
                skipped.Examples.Count > 0 ? skipped.Examples[0].LineNumber : null);
        }

        return new AccessLogParseResult(records, skipped, reader.Lines);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static Part ParseBlock(LineBlock block, ParseLimits limits, StringPool pool, char[] chars)
    {
        var part = new Part(new AccessLogTableBuilder(block.LineCount, pool), new SkippedLines());
        if (block.TooLong)
        {
            part.Skipped.Add(block.FirstLine, $"line is longer than {limits.MaxLineBytes:N0} bytes");
            return part;
        }

        var rest = block.Bytes;
        var lineNumber = block.FirstLine;
        var recent = new RecentFields();
        while (!rest.IsEmpty)
        {
            var bytes = LineBlock.NextLine(ref rest);

            if (bytes.Length > limits.MaxLineBytes)
            {
                part.Skipped.Add(lineNumber, $"line is longer than {limits.MaxLineBytes:N0} bytes");
            }
            else if (!bytes.Trim((byte)' ').IsEmpty
                && !(Ascii.IsValid(bytes) && AccessLogAsciiLine.TryParseInto(bytes, lineNumber, pool, recent, part.Records)))
            {
                // A line with other characters is decoded and read as characters; so is an ASCII line that is no record,
                // which gives the reason.
                var length = Encoding.UTF8.GetChars(bytes, chars);
                if (!TryParseInto(chars.AsSpan(0, length), lineNumber, pool, recent, part.Records, out var reason))
                {
                    part.Skipped.Add(lineNumber, reason);
                }
            }

            lineNumber++;
        }

        return part;
    }

    private sealed record Part(AccessLogTableBuilder Records, SkippedLines Skipped);

    /// <summary>Parses one line. On failure <paramref name="reason"/> says what was wrong, in words for the user.</summary>
    public static bool TryParseLine(
        ReadOnlySpan<char> line,
        long lineNumber,
        StringPool pool,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AccessLogRecord? record,
        out string reason)
    {
        var one = new AccessLogTableBuilder(1, pool);
        record = TryParseInto(line, lineNumber, pool, new RecentFields(), one, out reason) ? one.Build()[0] : null;
        return record is not null;
    }

    /// <summary>Parses one line and appends it to <paramref name="into"/>; false (and why) when it is not an access-log line.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseInto(ReadOnlySpan<char> line, long lineNumber, StringPool pool, RecentFields recent, AccessLogTableBuilder into, out string reason)
    {
        var rest = line.TrimEnd();
        if (!TryToken(ref rest, out var ip) || !TryToken(ref rest, out var ident) || !TryToken(ref rest, out var user))
        {
            reason = "too few fields for an access-log line";
            return false;
        }

        if (!TryBracketedTimestamp(ref rest, recent, out var timestamp, out reason))
        {
            return false;
        }

        if (!TryQuoted(ref rest, out var request))
        {
            reason = "expected a quoted request (\"METHOD uri PROTOCOL\") after the timestamp";
            return false;
        }

        SplitRequest(request, out var method, out var uri, out var protocol);
        if (!TryStatusAndSize(ref rest, out var status, out var bytes, out reason))
        {
            return false;
        }

        var referrer = StringPool.NullCode;
        var userAgent = StringPool.NullCode;
        if (!rest.IsEmpty)
        {
            if (!TryQuoted(ref rest, out var referrerText) || !TryQuotedOrTruncated(ref rest, out var agentText))
            {
                reason = "expected a quoted referrer and user agent after the response size";
                return false;
            }

            referrer = recent.Intern(pool, AccessLogTableBuilder.Referrer, referrerText);
            userAgent = recent.Intern(pool, AccessLogTableBuilder.UserAgent, agentText);
        }

        into.Add(
            lineNumber, recent.Intern(pool, AccessLogTableBuilder.Ip, ip), pool.Intern(ident), pool.Intern(user), timestamp,
            recent.Intern(pool, AccessLogTableBuilder.Method, method), recent.Intern(pool, AccessLogTableBuilder.Uri, uri),
            recent.Intern(pool, AccessLogTableBuilder.Protocol, protocol), status, bytes, referrer, userAgent);
        reason = string.Empty;
        return true;
    }

    /// <summary>
    /// Reads <c>[dd/MMM/yyyy:HH:mm:ss +zzzz]</c> and the spaces after it; the previous line's timestamp is reused when
    /// its text is the same, which in a log it mostly is.
    /// </summary>
    private static bool TryBracketedTimestamp(ref ReadOnlySpan<char> rest, RecentFields recent, out DateTimeOffset timestamp, out string reason)
    {
        timestamp = default;
        if (rest.IsEmpty || rest[0] != '[')
        {
            reason = "expected '[' and a timestamp after the client, ident and user fields";
            return false;
        }

        var close = rest.IndexOf(']');
        if (close < 0)
        {
            reason = "the timestamp has no closing ']'";
            return false;
        }

        var timeText = rest[1..close];
        if (!recent.TryRepeat(timeText, out timestamp))
        {
            if (!AccessLogTimestamp.TryParse(timeText, out timestamp))
            {
                reason = AccessLogTimestamp.HasShape(timeText)
                    ? $"timestamp '{Clip(timeText)}' is not a real date and time"
                    : $"timestamp '{Clip(timeText)}' is not dd/MMM/yyyy:HH:mm:ss +zzzz";
                return false;
            }

            recent.Remember(timeText, timestamp);
        }

        rest = rest[(close + 1)..].TrimStart(' ');
        reason = string.Empty;
        return true;
    }

    /// <summary>Reads the 3-digit status and the response size (<c>-</c> for none, read as 0).</summary>
    private static bool TryStatusAndSize(ref ReadOnlySpan<char> rest, out int status, out long bytes, out string reason)
    {
        bytes = 0;
        if (!TryToken(ref rest, out var statusText) || statusText.Length != 3 || !int.TryParse(statusText, out status) || status < 100)
        {
            status = 0;
            reason = $"status '{Clip(statusText)}' is not a 3-digit HTTP status";
            return false;
        }

        if (!TryToken(ref rest, out var bytesText))
        {
            reason = "the response size is missing after the status";
            return false;
        }

        if (!(bytesText is "-") && (!long.TryParse(bytesText, System.Globalization.NumberStyles.None, null, out bytes)))
        {
            reason = $"response size '{Clip(bytesText)}' is not a number or '-'";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    private static string Clip(ReadOnlySpan<char> text) => Explanations.AccessLogExplainer.Clip(text, 40);

    // "GET /a HTTP/1.1" normally; probes send "-", a bare token or garbage, which we keep as the method.
    private static void SplitRequest(
        ReadOnlySpan<char> request,
        out ReadOnlySpan<char> method,
        out ReadOnlySpan<char> uri,
        out ReadOnlySpan<char> protocol)
    {
        var first = request.IndexOf(' ');
        if (first < 0)
        {
            method = request;
            uri = default;
            protocol = default;
            return;
        }

        method = request[..first];
        var remainder = request[(first + 1)..];
        var last = remainder.LastIndexOf(' ');
        if (last >= 0 && remainder[(last + 1)..].StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase))
        {
            uri = remainder[..last];
            protocol = remainder[(last + 1)..];
        }
        else
        {
            uri = remainder;
            protocol = default;
        }
    }
}

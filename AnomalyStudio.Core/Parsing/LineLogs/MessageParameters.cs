using System.Text.RegularExpressions;

namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// Typed parameters taken from a log message, each kind a column of the line-log table: the client address (IPv4 or
/// IPv6, the port left out: a port changes with every connection, the address is the actor), the user (after
/// <c>user</c>, <c>for … from</c>, <c>invalid user</c>, <c>user=</c>), a host named in a key (<c>rhost=</c>,
/// <c>host=</c>), an HDFS block id, an instance id (a UUID), a request id (<c>req-…</c>) and a file or URL path. The
/// first of each kind in the message is taken.
/// </summary>
public static partial class MessageParameters
{
    /// <summary>The kinds, in the order they name actors best: a session (block, instance, request), then a client, a user, a host, a path.</summary>
    public static readonly IReadOnlyList<string> Kinds = [Block, Instance, Request, Ip, User, Host, Path];

    public const string Ip = "ip", User = "user", Host = "host", Block = "block", Instance = "instance", Request = "request", Path = "path";

    /// <summary>Kinds whose value is a session: its records form one sequence of events (a block's life, a request's calls).</summary>
    public static bool IsSession(string kind) => kind is Block or Instance or Request or User;

    /// <summary>The value of <paramref name="kind"/> in <paramref name="message"/>, or null.</summary>
    public static string? Of(string kind, string message)
    {
        // Each pattern looks for a character it needs first, so most messages cost an IndexOf per kind.
        switch (kind)
        {
            case Block:
                return BlockOf(message);
            case Request:
                return message.Contains("req-", StringComparison.Ordinal) && RequestId().Match(message) is { Success: true } request ? request.Value : null;
            case Instance:
                return UuidOf(message);
            case Ip:
                return Address(message);
            case User:
                return (message.Contains("user", StringComparison.OrdinalIgnoreCase) || message.Contains(" for ", StringComparison.Ordinal))
                    && UserName().Match(message) is { Success: true } user ? user.Groups["user"].Value : null;
            case Host:
                return message.Contains('=') && HostKey().Match(message) is { Success: true } host ? host.Groups["host"].Value : null;
            case Path:
                return message.Contains('/') && FilePath().Match(message) is { Success: true } path ? path.Value : null;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a parameter kind.");
        }
    }

    /// <summary>The first <c>blk_</c> followed by an optional minus and digits.</summary>
    private static string? BlockOf(string message)
    {
        var at = message.IndexOf("blk_", StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = at + 4 + (at + 4 < message.Length && message[at + 4] == '-' ? 1 : 0);
            var digits = end;
            while (end < message.Length && char.IsAsciiDigit(message[end]))
            {
                end++;
            }

            if (end > digits)
            {
                return message[at..end];
            }

            at = message.IndexOf("blk_", at + 4, StringComparison.Ordinal);
        }

        return null;
    }

    /// <summary>The first UUID (8-4-4-4-12 hex digits) that is not part of a longer hex-and-dash run (a request id's tail).</summary>
    private static string? UuidOf(string message)
    {
        if (message.Length < 36)
        {
            return null;
        }

        for (var dash = message.IndexOf('-', 8); dash >= 0 && dash + 28 <= message.Length; dash = message.IndexOf('-', dash + 1))
        {
            var start = dash - 8;
            if (IsHexRun(message, start, 8) && message[dash + 5] == '-' && message[dash + 10] == '-' && message[dash + 15] == '-'
                && IsHexRun(message, dash + 1, 4) && IsHexRun(message, dash + 6, 4) && IsHexRun(message, dash + 11, 4) && IsHexRun(message, dash + 16, 12)
                && (start == 0 || !IsHexOrDash(message[start - 1])) && (dash + 28 == message.Length || !IsHexOrDash(message[dash + 28])))
            {
                return message.Substring(start, 36).ToLowerInvariant();
            }
        }

        return null;
    }

    private static bool IsHexRun(string text, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiHexDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHexOrDash(char c) => c == '-' || char.IsAsciiHexDigit(c);

    /// <summary>The first dotted quad of octets 0–255 not inside a longer dotted number (a version 1.2.3.4.5), its port left out.</summary>
    private static string? IPv4Of(string message)
    {
        var span = message.AsSpan();
        for (var i = span.IndexOfAnyInRange('0', '9'); i >= 0 && i < span.Length;)
        {
            if (i == 0 || !(char.IsAsciiLetterOrDigit(span[i - 1]) || span[i - 1] is '.' or '_'))
            {
                var end = i;
                var octets = 0;
                while (octets < 4 && Octet(message, ref end))
                {
                    octets++;
                    if (octets < 4)
                    {
                        if (end >= message.Length || message[end] != '.')
                        {
                            break;
                        }

                        end++;
                    }
                }

                if (octets == 4 && (end == message.Length || !(char.IsAsciiLetterOrDigit(message[end]) || message[end] == '_' || (message[end] == '.' && end + 1 < message.Length && char.IsAsciiDigit(message[end + 1])))))
                {
                    return message[i..end];
                }
            }

            // Past this number (and its dots), so its tail is not read as an address of its own; then to the next digit.
            var past = span[i..].IndexOfAnyExcept(NumberChars);
            if (past < 0)
            {
                return null;
            }

            var next = span[(i + past)..].IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : i + past + next;
        }

        return null;
    }

    private static readonly System.Buffers.SearchValues<char> NumberChars = System.Buffers.SearchValues.Create("0123456789.");

    private static bool Octet(string text, ref int at)
    {
        var value = 0;
        var start = at;
        while (at < text.Length && char.IsAsciiDigit(text[at]) && at - start < 3)
        {
            value = (value * 10) + (text[at] - '0');
            at++;
        }

        return at > start && value <= 255 && !(at < text.Length && char.IsAsciiDigit(text[at]));
    }

    private static string? Address(string message)
    {
        if (message.Contains('.') && IPv4Of(message) is { } v4)
        {
            return v4;
        }

        // An IPv6 address has at least two colons.
        var colon = message.IndexOf(':');
        return colon >= 0 && message.IndexOf(':', colon + 1) >= 0 && IPv6().Match(message) is { Success: true } v6 ? v6.Groups["ip"].Value.ToLowerInvariant() : null;
    }

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;


    [GeneratedRegex(@"req-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", Options)]
    private static partial Regex RequestId();



    [GeneratedRegex(@"(?<![\w:])\[?(?<ip>(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|(?:[0-9a-fA-F]{1,4}:){1,7}:(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,6})?|::(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,6}))\]?(?![\w:])", Options)]
    private static partial Regex IPv6();

    [GeneratedRegex(@"(?:\binvalid user\s+|\bfor (?:invalid user\s+)?(?=\S+\s+from\b)|\buser[= ](?!unknown\b)|\buser:\s*)(?<user>[A-Za-z_][\w.@$-]{0,63})", Options)]
    private static partial Regex UserName();

    [GeneratedRegex(@"\b(?:rhost|host|hostname)=(?<host>[A-Za-z0-9][\w.-]*)", Options)]
    private static partial Regex HostKey();

    [GeneratedRegex(@"(?<![\w.:/])(?:/[\w.+-]+){2,}/?", Options)]
    private static partial Regex FilePath();
}

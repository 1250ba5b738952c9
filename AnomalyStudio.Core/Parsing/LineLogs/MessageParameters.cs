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
                return message.Contains("blk_", StringComparison.Ordinal) && BlockId().Match(message) is { Success: true } block ? block.Value : null;
            case Request:
                return message.Contains("req-", StringComparison.Ordinal) && RequestId().Match(message) is { Success: true } request ? request.Value : null;
            case Instance:
                return message.Contains('-') && Uuid().Match(message) is { Success: true } uuid ? uuid.Value.ToLowerInvariant() : null;
            case Ip:
                return Address(message);
            case User:
                return UserName().Match(message) is { Success: true } user ? user.Groups["user"].Value : null;
            case Host:
                return message.Contains('=') && HostKey().Match(message) is { Success: true } host ? host.Groups["host"].Value : null;
            case Path:
                return message.Contains('/') && FilePath().Match(message) is { Success: true } path ? path.Value : null;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a parameter kind.");
        }
    }

    private static string? Address(string message)
    {
        if (message.Contains('.') && IPv4().Match(message) is { Success: true } v4)
        {
            return v4.Groups["ip"].Value;
        }

        return message.Contains("::", StringComparison.Ordinal) || message.Contains(':') && IPv6().IsMatch(message)
            ? IPv6().Match(message) is { Success: true } v6 ? v6.Groups["ip"].Value.ToLowerInvariant() : null
            : null;
    }

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"blk_-?\d+", Options)]
    private static partial Regex BlockId();

    [GeneratedRegex(@"req-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", Options)]
    private static partial Regex RequestId();

    [GeneratedRegex(@"(?<![0-9a-fA-F-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9a-fA-F-])", Options)]
    private static partial Regex Uuid();

    [GeneratedRegex(@"(?<![\w.])(?<ip>(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})(?::\d{1,5})?(?![\w.]*\d)", Options)]
    private static partial Regex IPv4();

    [GeneratedRegex(@"(?<![\w:])\[?(?<ip>(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|(?:[0-9a-fA-F]{1,4}:){1,7}:(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,6})?|::(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,6}))\]?(?![\w:])", Options)]
    private static partial Regex IPv6();

    [GeneratedRegex(@"(?:\binvalid user\s+|\bfor (?:invalid user\s+)?(?=\S+\s+from\b)|\buser[= ](?!unknown\b)|\buser:\s*)(?<user>[A-Za-z_][\w.@$-]{0,63})", Options)]
    private static partial Regex UserName();

    [GeneratedRegex(@"\b(?:rhost|host|hostname)=(?<host>[A-Za-z0-9][\w.-]*)", Options)]
    private static partial Regex HostKey();

    [GeneratedRegex(@"(?<![\w.:/])(?:/[\w.+-]+){2,}/?", Options)]
    private static partial Regex FilePath();
}

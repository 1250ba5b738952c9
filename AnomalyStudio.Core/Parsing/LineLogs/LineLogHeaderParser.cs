using System.Globalization;
using System.Text.RegularExpressions;

namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// Reads the header of a line-log line in one of the <see cref="LineLogShape"/>s, the headers a format string cannot say
/// (see <see cref="LineLogLayouts"/> for the rest). Times without a zone are taken as UTC, as CSV timestamps are.
/// </summary>
public static partial class LineLogHeaderParser
{
    // RFC 5424 severities, the low three bits of PRI.
    private static readonly string[] SyslogSeverities = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The year BSD-syslog dates are read in before <see cref="LineLogReader"/> gives them the file's year: a leap year, so Feb 29 parses.</summary>
    internal const int ProvisionalYear = 2000;

    /// <summary>What the shape is called in notes ("Read as a line log (syslog header)").</summary>
    public static string Describe(LineLogShape shape) => shape switch
    {
        LineLogShape.ApacheError => "Apache error log header",
        LineLogShape.Rfc5424Syslog => "RFC 5424 syslog header",
        LineLogShape.BsdSyslog => "syslog header",
        _ => "application log header",
    };

    /// <summary>An indented line, a Java/.NET stack frame or a "Caused by:" line: part of the record above it.</summary>
    public static bool LooksLikeContinuation(string line) =>
        line.Length > 0 && (char.IsWhiteSpace(line[0]) || line.StartsWith("at ", StringComparison.Ordinal)
            || line.StartsWith("Caused by:", StringComparison.Ordinal) || line.StartsWith("...", StringComparison.Ordinal)
            || line.StartsWith("Traceback", StringComparison.Ordinal));

    public static bool TryParse(LineLogShape shape, string line, out LineLogHeader header) => shape switch
    {
        LineLogShape.ApacheError => TryApacheError(line, out header),
        LineLogShape.Rfc5424Syslog => TryRfc5424(line, out header),
        LineLogShape.BsdSyslog => TryBsdSyslog(line, out header),
        _ => TryApplication(line, out header),
    };

    private static bool TryApacheError(string line, out LineLogHeader header)
    {
        header = null!;
        var match = ApacheErrorLine().Match(line);
        if (!match.Success)
        {
            return false;
        }

        var month = Array.IndexOf(Months, match.Groups["mon"].Value) + 1;
        var text = $"{match.Groups["year"].Value}-{month:00}-{int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture):00}T{match.Groups["time"].Value}";
        if (month == 0 || !TryUtc(text, out var timestamp))
        {
            return false;
        }

        header = new LineLogHeader
        {
            Timestamp = timestamp,
            Level = match.Groups["level"].Value,
            Component = Value(match.Groups["module"]),
            Pid = Value(match.Groups["pid"]),
            Client = Value(match.Groups["client"]),
            Message = match.Groups["msg"].Value,
        };
        return true;
    }

    private static bool TryBsdSyslog(string line, out LineLogHeader header)
    {
        header = null!;
        var match = BsdSyslogLine().Match(line);
        if (!match.Success)
        {
            return false;
        }

        var month = Array.IndexOf(Months, match.Groups["mon"].Value) + 1;
        var text = $"{ProvisionalYear}-{month:00}-{int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture):00}T{match.Groups["time"].Value}";
        if (!TryUtc(text, out var timestamp))
        {
            return false;
        }

        header = new LineLogHeader
        {
            Timestamp = timestamp,
            YearMissing = true,
            Level = SeverityOf(match.Groups["pri"]),
            Host = match.Groups["host"].Value,
            Process = Value(match.Groups["tag"]),
            Pid = Value(match.Groups["pid"]),
            Message = match.Groups["msg"].Value,
        };
        return true;
    }

    private static bool TryRfc5424(string line, out LineLogHeader header)
    {
        header = null!;
        var match = Rfc5424Line().Match(line);
        if (!match.Success)
        {
            return false;
        }

        DateTimeOffset? timestamp = null;
        var time = match.Groups["ts"].Value;
        if (time != "-")
        {
            if (!DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return false;
            }

            timestamp = parsed;
        }

        if (!TrySkipStructuredData(match.Groups["rest"].Value, out var message))
        {
            return false;
        }

        header = new LineLogHeader
        {
            Timestamp = timestamp,
            Level = SeverityOf(match.Groups["pri"]),
            Host = Nil(match.Groups["host"].Value),
            Process = Nil(match.Groups["app"].Value),
            Pid = Nil(match.Groups["procid"].Value),
            Component = Nil(match.Groups["msgid"].Value),
            Message = message.TrimStart('\uFEFF'),
        };
        return true;
    }

    private static bool TryApplication(string line, out LineLogHeader header)
    {
        header = null!;
        DateTimeOffset? timestamp = null;
        string rest;
        var dated = ApplicationTimestamp().Match(line);
        if (dated.Success)
        {
            var text = dated.Groups["ts"].Value.Replace(',', '.').Replace(" +", "+", StringComparison.Ordinal).Replace(" -", "-", StringComparison.Ordinal);
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return false;
            }

            timestamp = parsed;
            rest = line[dated.Length..];
        }
        else
        {
            rest = line;
        }

        var level = ApplicationLevel().Match(rest);
        var bracketed = level.Success && level.Groups["bracketed"].Success;
        // One letter is a level only in a layout that says so (logcat, klog): here "a" or "I" is the message's first word.
        if (level.Success && (level.Groups["level"].Length < 2 || !LogLevels.IsLevel(level.Groups["level"].Value)))
        {
            level = Match.Empty;
        }

        if (timestamp is null && !(level.Success && bracketed))
        {
            return false; // a bare word is not enough to call a line a log line
        }

        if (level.Success)
        {
            rest = rest[level.Length..];
        }

        var thread = ApplicationThread().Match(rest);
        if (thread.Success)
        {
            rest = rest[thread.Length..];
        }

        var logger = ApplicationLogger().Match(rest);
        if (logger.Success)
        {
            rest = rest[logger.Length..];
        }

        header = new LineLogHeader
        {
            Timestamp = timestamp,
            Level = level.Success ? level.Groups["level"].Value : null,
            Thread = thread.Success ? thread.Groups["thread"].Value : null,
            Component = logger.Success ? logger.Groups["logger"].Value : null,
            Message = rest,
        };
        return true;
    }

    /// <summary>Passes over RFC 5424 STRUCTURED-DATA: "-" or [id key="value" ...] elements, with \" and \] escaped in values.</summary>
    private static bool TrySkipStructuredData(string rest, out string message)
    {
        message = string.Empty;
        if (rest.StartsWith('-'))
        {
            message = rest.Length > 1 ? rest[1..].TrimStart(' ') : string.Empty;
            return rest.Length == 1 || rest[1] == ' ';
        }

        var i = 0;
        while (i < rest.Length && rest[i] == '[')
        {
            var quoted = false;
            for (i++; i < rest.Length; i++)
            {
                if (quoted && rest[i] == '\\')
                {
                    i++;
                }
                else if (rest[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (rest[i] == ']' && !quoted)
                {
                    break;
                }
            }

            if (i >= rest.Length)
            {
                return false;
            }

            i++;
        }

        if (i == 0)
        {
            return false;
        }

        message = rest[i..].TrimStart(' ');
        return true;
    }

    private static string? SeverityOf(Group pri) =>
        pri.Success && int.TryParse(pri.Value, CultureInfo.InvariantCulture, out var value) && value <= 191 ? SyslogSeverities[value % 8] : null;

    private static string? Value(Group group) => group.Success && group.Length > 0 ? group.Value : null;

    private static string? Nil(string value) => value == "-" ? null : value;

    private static bool TryUtc(string text, out DateTimeOffset timestamp) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp);

    [GeneratedRegex(@"^\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?<mon>[A-Z][a-z]{2}) {1,2}(?<day>\d{1,2}) (?<time>\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?) (?<year>\d{4})\] \[(?:(?<module>[\w-]+):)?(?<level>\w+)\](?: \[pid (?<pid>\d+)(?::tid \d+)?\])?(?: \[client (?<client>[^\]]+)\])? ?(?<msg>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ApacheErrorLine();

    // A tag holds spaces only before a [pid] (macOS's "Microsoft Word[123]:"), and macOS adds a "(sender)" after the pid.
    [GeneratedRegex(@"^(?:<(?<pri>\d{1,3})>)?(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(?<day>\d{1,2}) (?<time>\d{2}:\d{2}:\d{2}) (?<host>[^\s:\[]+) (?:(?<tag>[^\s:\[]+)(?:\[(?<pid>[^\]\s]*)\])?: ?|(?<tag>[^:\[\]]+?)\[(?<pid>\d+)\](?: \([^)]*\))?: ?)?(?<msg>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex BsdSyslogLine();

    [GeneratedRegex(@"^<(?<pri>\d{1,3})>\d{1,2} (?<ts>\S+) (?<host>\S+) (?<app>\S+) (?<procid>\S+) (?<msgid>\S+) (?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc5424Line();

    [GeneratedRegex(@"^\[?(?<ts>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?)\]?(?:\s+|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ApplicationTimestamp();

    [GeneratedRegex(@"^(?:(?<bracketed>\[)\s*(?<level>[A-Za-z]+)\s*\]|(?<level>[A-Za-z]+)(?=[\s:]|$)):?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ApplicationLevel();

    [GeneratedRegex(@"^\[(?<thread>[^\]\s]{1,100})\]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ApplicationThread();

    // A logger is dotted (com.foo.Bar, dfs.DataNode$PacketResponder) or followed by " - ": "Error: x" stays message.
    [GeneratedRegex(@"^(?:(?<logger>[A-Za-z_$][\w$]*(?:\.[\w$]+)+):?\s+-\s+|(?<logger>[A-Za-z_$][\w$]*(?:\.[\w$]+)+):\s+|(?<logger>[A-Za-z_$][\w$]*)\s+-\s+)", RegexOptions.CultureInvariant)]
    private static partial Regex ApplicationLogger();
}

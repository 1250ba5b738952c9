using System.Text.RegularExpressions;

namespace AnomalyStudio.Core.Parsing;

/// <summary>The header-name hints used to find label, timestamp and identifier columns.</summary>
public static partial class ColumnNames
{
    public static readonly string[] LabelNames = ["label", "is_anomaly", "anomaly", "outlier", "class", "y", "target"];

    /// <summary>In priority order: when several varying fields hold times, the first hint that names one wins (<see cref="TimestampRank"/>).</summary>
    public static readonly string[] TimestampHints =
        ["timestamp", "@timestamp", "time", "ts", "@t", "datetime", "event_time", "eventtime", "logtime", "log_time", "date",
         "created_at", "created"];

    /// <summary>In priority order: the first hint that names a column wins.</summary>
    public static readonly string[] IdentifierHints =
        ["ip", "client_ip", "src_ip", "source_ip", "remote_addr", "host", "hostname", "client", "user", "username",
         "node", "device", "name", "id"];

    /// <summary>Numeric columns with these names (or ending in "_id"/"Id") identify something: they are not measurements.</summary>
    public static readonly string[] NumericIdentifierNames =
        ["id", "pid", "ppid", "tid", "thread", "threadid",
         "lineid", "line_id", "line", "linenumber", "line_number", "lineno", "uid", "gid", "userid", "user_id", "session", "sessionid",
         "request_id", "requestid", "trace_id", "span_id", "event_id", "eventid", "zip", "zipcode", "phone"];

    /// <summary>Numeric columns with these names hold codes from a small set (a port, an HTTP status): their rarity is the signal, not their size.</summary>
    public static readonly string[] NumericCategoryNames =
        ["port", "srcport", "dstport", "src_port", "dst_port", "sport", "dport", "status", "status_code", "statuscode", "http_status",
         "code", "response_code", "protocol", "proto", "errno", "exit_code", "signal", "severity_code", "facility"];

    public static bool IsNumericCategory(string header)
    {
        var tokens = Tokens(header);
        return NumericCategoryNames.Contains(Normalise(header), StringComparer.Ordinal) || (tokens.Length > 1 && tokens[^1] is "port" or "status" or "code");
    }

    /// <summary>Headers of free-text columns whose content is a feature.</summary>
    public static readonly string[] TextHints =
        ["url", "uri", "path", "request", "body", "query", "querystring", "message", "msg", "content", "useragent", "user_agent",
         "agent", "ua", "referer", "referrer", "payload", "text", "description", "log", "raw", "line_text", "data"];

    /// <summary>Position of the header in <see cref="LabelNames"/>: "label" beats "y", which may be a coordinate.</summary>
    public static int? LabelRank(string header)
    {
        var index = Array.IndexOf(LabelNames, Normalise(header));
        return index < 0 ? null : index;
    }

    public static bool HasTimestampHint(string header)
    {
        var name = Normalise(header);
        return TimestampHints.Contains(name, StringComparer.Ordinal) || Tokens(header).Any(t => t is "time" or "timestamp" or "date" or "ts");
    }

    /// <summary>Rank of the timestamp hint the header matches (lower is better): a name in <see cref="TimestampHints"/>, then any other name with a time word in it; null for none.</summary>
    public static int? TimestampRank(string header)
    {
        var index = Array.IndexOf(TimestampHints, Normalise(header));
        return index >= 0 ? index : HasTimestampHint(header) ? TimestampHints.Length : null;
    }

    /// <summary>Rank of the identifier hint the header matches (lower is better), or null when none does.</summary>
    public static int? IdentifierRank(string header)
    {
        var name = Normalise(header);
        var tokens = Tokens(header);
        for (var i = 0; i < IdentifierHints.Length; i++)
        {
            if (name == IdentifierHints[i])
            {
                return i;
            }
        }

        for (var i = 0; i < IdentifierHints.Length; i++)
        {
            if (tokens.Contains(IdentifierHints[i]))
            {
                return IdentifierHints.Length + i;
            }
        }

        return null;
    }

    public static bool IsNumericIdentifier(string header)
    {
        var name = Normalise(header);
        var tokens = Tokens(header);
        return NumericIdentifierNames.Contains(name, StringComparer.Ordinal)
            || name.EndsWith("_id", StringComparison.Ordinal)
            || (tokens.Length > 1 && tokens[^1] is "id" or "pid")
            || (header.Length > 2 && header.EndsWith("Id", StringComparison.Ordinal) && char.IsLower(header[^3]));
    }

    /// <summary>A part of a date or time (day, month, hour …) stored in its own column: not a measurement, not a category.</summary>
    public static bool IsDatePart(string header) =>
        Normalise(header) is "day" or "month" or "year" or "hour" or "minute" or "second" or "weekday" or "dow" or "mon" or "yyyy" or "hh" or "mm" or "ss";

    public static bool HasTextHint(string header)
    {
        var name = Normalise(header);
        return TextHints.Contains(name, StringComparer.Ordinal) || Tokens(header).Any(t => t is "url" or "uri" or "body" or "message" or "msg" or "agent" or "referer" or "referrer" or "payload" or "content");
    }

    /// <summary>Names of a log record's message field (JSON lines), in priority order; <c>log.message</c> and <c>logMessage</c> count too.</summary>
    public static readonly string[] MessageNames = ["message", "msg", "log", "content", "text", "short_message", "full_message"];

    /// <summary>Rank of the message name the header matches (lower is better), or null when it names no message.</summary>
    public static int? MessageRank(string header)
    {
        var index = Array.IndexOf(MessageNames, Normalise(header));
        if (index >= 0)
        {
            return index;
        }

        var tokens = Tokens(header);
        return tokens.Length > 1 && tokens[^1] is "message" or "msg" ? MessageNames.Length : null;
    }

    /// <summary>Names of a record's event-type field (JSON lines), in priority order: Cowrie's <c>eventid</c>, ECS's <c>event.action</c> ….</summary>
    public static readonly string[] EventTypeNames =
        ["eventid", "event_id", "event_type", "eventtype", "event.action", "event.type", "event_name", "eventname", "event", "type", "action"];

    /// <summary>Rank of the event-type name the header matches (lower is better), or null when it names none.</summary>
    public static int? EventTypeRank(string header)
    {
        var index = Array.IndexOf(EventTypeNames, Normalise(header));
        return index < 0 ? null : index;
    }

    /// <summary>Columns that name a template, event or kind hold shapes already: they are categories, not text.</summary>
    public static bool IsCategoryName(string header) =>
        Tokens(header).Any(t => t is "template" or "event" or "eventid" or "eventtemplate" or "type" or "kind" or "category" or "method" or "status" or "protocol")
        || Normalise(header) is "eventtemplate" or "eventid" or "content_type" or "contenttype";

    private static string Normalise(string header) => header.Trim().Trim('"').ToLowerInvariant();

    // "clientIp", "client-ip" and "CLIENT_IP" all give ["client", "ip"].
    private static string[] Tokens(string header) =>
        WordBoundary().Split(header.Trim()).Where(t => t.Length > 0).Select(t => t.ToLowerInvariant()).ToArray();

    [GeneratedRegex(@"[^A-Za-z0-9@]+|(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBoundary();
}

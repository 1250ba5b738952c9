using System.Text.RegularExpressions;

namespace AnomalyStudio.Core.Parsing;

/// <summary>The header-name hints used to find label, timestamp and identifier columns.</summary>
public static partial class ColumnNames
{
    public static readonly string[] LabelNames = ["label", "is_anomaly", "anomaly", "outlier", "class", "y", "target"];

    public static readonly string[] TimestampHints =
        ["timestamp", "@timestamp", "datetime", "time", "date", "ts", "created", "created_at", "event_time", "logtime"];

    /// <summary>In priority order: the first hint that names a column wins.</summary>
    public static readonly string[] IdentifierHints =
        ["ip", "client_ip", "src_ip", "source_ip", "remote_addr", "host", "hostname", "client", "user", "username",
         "node", "device", "name", "id"];

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

    private static string Normalise(string header) => header.Trim().Trim('"').ToLowerInvariant();

    // "clientIp", "client-ip" and "CLIENT_IP" all give ["client", "ip"].
    private static string[] Tokens(string header) =>
        WordBoundary().Split(header.Trim()).Where(t => t.Length > 0).Select(t => t.ToLowerInvariant()).ToArray();

    [GeneratedRegex(@"[^A-Za-z0-9@]+|(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBoundary();
}

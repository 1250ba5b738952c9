using System.Globalization;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Formats.AccessLog;

/// <summary>The fields of parsed access-log records.</summary>
public sealed class AccessLogRecordSource(AccessLogTable records) : IRecordSource
{
    public IReadOnlyList<RecordField> Fields(int index)
    {
        var r = records[index];
        var fields = new List<RecordField>
        {
            new("client", r.Ip),
            new("ident", r.Ident),
            new("user", r.User),
            new("time", r.Timestamp.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)),
            new("method", r.Method),
            new("uri", r.Uri),
            new("protocol", r.Protocol),
            new("status", r.Status.ToString(CultureInfo.InvariantCulture)),
            new("bytes", r.Bytes.ToString(CultureInfo.InvariantCulture)),
        };
        if (r.Referrer is not null)
        {
            fields.Add(new RecordField("referrer", r.Referrer));
        }

        if (r.UserAgent is not null)
        {
            fields.Add(new RecordField("user agent", r.UserAgent));
        }

        return fields;
    }

    /// <summary>One of <see cref="Fields"/>, read from its column alone.</summary>
    public Func<int, string?> FieldReader(string name) => name.ToLowerInvariant() switch
    {
        "client" => i => records.Ips[i],
        "ident" => i => records.Idents[i],
        "user" => i => records.Users[i],
        "time" => i => records.Timestamps[i].ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        "method" => i => records.Methods[i],
        "uri" => i => records.Uris[i],
        "protocol" => i => records.Protocols[i],
        "status" => i => records.Statuses[i].ToString(CultureInfo.InvariantCulture),
        "bytes" => i => records.Bytes[i].ToString(CultureInfo.InvariantCulture),
        "referrer" => i => records.Referrers[i],
        "user agent" => i => records.UserAgents[i],
        _ => _ => null,
    };

    /// <summary>The line rebuilt in combined log format from its fields.</summary>
    public string RawText(int index)
    {
        var r = records[index];
        var request = string.Join(' ', new[] { r.Method, r.Uri, r.Protocol }.Where(p => p.Length > 0));
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{r.Ip} {r.Ident} {r.User} [{r.Timestamp:dd/MMM/yyyy:HH:mm:ss} {FormatOffset(r.Timestamp.Offset)}] \"{request}\" {r.Status} {(r.Bytes == 0 ? "-" : r.Bytes)}");
        return r.UserAgent is null ? line : $"{line} \"{r.Referrer}\" \"{r.UserAgent}\"";
    }

    /// <summary>The table's columns and every distinct string in them (IPs, URIs, user agents…).</summary>
    public long EstimatedBytes =>
        MemoryFootprint.Of(records.Lines) + MemoryFootprint.Of(records.Timestamps) + MemoryFootprint.Of(records.Statuses) + MemoryFootprint.Of(records.Bytes)
        + MemoryFootprint.Of(records.Ips) + MemoryFootprint.Of(records.Idents) + MemoryFootprint.Of(records.Users) + MemoryFootprint.Of(records.Methods)
        + MemoryFootprint.Of(records.Uris) + MemoryFootprint.Of(records.Protocols) + MemoryFootprint.Of(records.Referrers) + MemoryFootprint.Of(records.UserAgents)
        + MemoryFootprint.Of(records.TextValues);

    public string SearchText(int index) =>
        string.Concat(records.Ips[index], " ", records.Methods[index], " ", records.Uris[index], " ", records.UserAgents[index]);

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);
}

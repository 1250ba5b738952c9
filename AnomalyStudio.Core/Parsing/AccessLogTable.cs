namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Parsed requests stored column by column: one array per field instead of one object per request, so a
/// million-line log costs the garbage collector a dozen arrays rather than a million objects. Indexing
/// gives an <see cref="AccessLogRecord"/> view of one request.
/// </summary>
public sealed class AccessLogTable : IReadOnlyList<AccessLogRecord>
{
    internal AccessLogTable(int count)
    {
        Count = count;
        Lines = new long[count];
        Ips = new string[count];
        Idents = new string[count];
        Users = new string[count];
        Timestamps = new DateTimeOffset[count];
        Methods = new string[count];
        Uris = new string[count];
        Protocols = new string[count];
        Statuses = new int[count];
        Bytes = new long[count];
        Referrers = new string?[count];
        UserAgents = new string?[count];
    }

    public int Count { get; }

    public long[] Lines { get; }

    public string[] Ips { get; }

    public string[] Idents { get; }

    public string[] Users { get; }

    public DateTimeOffset[] Timestamps { get; }

    public string[] Methods { get; }

    public string[] Uris { get; }

    public string[] Protocols { get; }

    public int[] Statuses { get; }

    public long[] Bytes { get; }

    /// <summary>Null where the line is in common log format.</summary>
    public string?[] Referrers { get; }

    /// <summary>Null where the line is in common log format.</summary>
    public string?[] UserAgents { get; }

    public AccessLogRecord this[int index] => new()
    {
        Line = Lines[index],
        Ip = Ips[index],
        Ident = Idents[index],
        User = Users[index],
        Timestamp = Timestamps[index],
        Method = Methods[index],
        Uri = Uris[index],
        Protocol = Protocols[index],
        Status = Statuses[index],
        Bytes = Bytes[index],
        Referrer = Referrers[index],
        UserAgent = UserAgents[index],
    };

    public IEnumerator<AccessLogRecord> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A table of the given records, in order.</summary>
    public static AccessLogTable From(IEnumerable<AccessLogRecord> records)
    {
        var builder = new AccessLogTableBuilder(records is ICollection<AccessLogRecord> c ? c.Count : 16);
        foreach (var r in records)
        {
            builder.Add(r.Line, r.Ip, r.Ident, r.User, r.Timestamp, r.Method, r.Uri, r.Protocol, r.Status, r.Bytes, r.Referrer, r.UserAgent);
        }

        return builder.Build();
    }

    /// <summary>Joins tables in order (the parts of a file parsed in parallel).</summary>
    public static AccessLogTable Concat(IReadOnlyList<AccessLogTableBuilder> parts)
    {
        var table = new AccessLogTable(parts.Sum(p => p.Count));
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(table, at);
            at += part.Count;
        }

        return table;
    }
}

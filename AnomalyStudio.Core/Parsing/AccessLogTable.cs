namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Parsed requests stored column by column: one array per field instead of one object per request, so a
/// million-line log costs the garbage collector a dozen arrays rather than a million objects; text fields are
/// dictionary-encoded (<see cref="EncodedColumn{T}"/>). Indexing gives an <see cref="AccessLogRecord"/> view of one request.
/// </summary>
public sealed class AccessLogTable : IReadOnlyList<AccessLogRecord>
{
    private AccessLogTable(long[] lines, DateTimeOffset[] timestamps, int[] statuses, long[] bytes, int[][] texts, string?[] values)
    {
        Count = lines.Length;
        Lines = lines;
        Timestamps = timestamps;
        Statuses = statuses;
        Bytes = bytes;
        TextValues = values;
        Ips = new EncodedColumn<string>(texts[AccessLogTableBuilder.Ip], values!);
        Idents = new EncodedColumn<string>(texts[AccessLogTableBuilder.Ident], values!);
        Users = new EncodedColumn<string>(texts[AccessLogTableBuilder.User], values!);
        Methods = new EncodedColumn<string>(texts[AccessLogTableBuilder.Method], values!);
        Uris = new EncodedColumn<string>(texts[AccessLogTableBuilder.Uri], values!);
        Protocols = new EncodedColumn<string>(texts[AccessLogTableBuilder.Protocol], values!);
        Referrers = new EncodedColumn<string?>(texts[AccessLogTableBuilder.Referrer], values);
        UserAgents = new EncodedColumn<string?>(texts[AccessLogTableBuilder.UserAgent], values);
    }

    public int Count { get; }

    public long[] Lines { get; }

    public EncodedColumn<string> Ips { get; }

    public EncodedColumn<string> Idents { get; }

    public EncodedColumn<string> Users { get; }

    public DateTimeOffset[] Timestamps { get; }

    public EncodedColumn<string> Methods { get; }

    public EncodedColumn<string> Uris { get; }

    public EncodedColumn<string> Protocols { get; }

    public int[] Statuses { get; }

    public long[] Bytes { get; }

    /// <summary>Null where the line is in common log format.</summary>
    public EncodedColumn<string?> Referrers { get; }

    /// <summary>Null where the line is in common log format.</summary>
    public EncodedColumn<string?> UserAgents { get; }

    /// <summary>The distinct strings of all text columns, by code (each text column's codes index this table).</summary>
    public IReadOnlyList<string?> TextValues { get; }

    /// <summary>The number of text columns (IP, ident, user, method, URI, protocol, referrer, user agent).</summary>
    public static int TextColumnCount => AccessLogTableBuilder.TextFields;

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

    /// <summary>
    /// Joins tables in order (the parts of a file parsed in parallel). The parts' pool codes are recoded into one value
    /// table in order of first appearance, so the table is the same however the parts were shared out between threads.
    /// </summary>
    public static AccessLogTable Concat(IReadOnlyList<AccessLogTableBuilder> parts)
    {
        var count = parts.Sum(p => p.Count);
        var lines = new long[count];
        var timestamps = new DateTimeOffset[count];
        var statuses = new int[count];
        var bytes = new long[count];
        var texts = new int[AccessLogTableBuilder.TextFields][];
        for (var f = 0; f < texts.Length; f++)
        {
            texts[f] = new int[count];
        }

        var values = new List<string?>(StringPool.Reserved);
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var recodings = new Dictionary<StringPool, int[]>(ReferenceEqualityComparer.Instance);
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(lines, timestamps, statuses, bytes, at);
            if (!recodings.TryGetValue(part.Pool, out var recode))
            {
                recode = new int[part.Pool.Values.Count];
                Array.Fill(recode, -1);
                for (var r = 0; r < StringPool.Reserved.Length; r++)
                {
                    recode[r] = r;
                }

                recodings[part.Pool] = recode;
            }

            for (var f = 0; f < texts.Length; f++)
            {
                var source = part.Codes(f);
                var target = texts[f].AsSpan(at, source.Length);
                for (var r = 0; r < source.Length; r++)
                {
                    var local = source[r];
                    var code = recode[local];
                    if (code < 0)
                    {
                        var text = part.Pool.Values[local]!;
                        if (!codes.TryGetValue(text, out code))
                        {
                            code = values.Count;
                            values.Add(text);
                            codes.Add(text, code);
                        }

                        recode[local] = code;
                    }

                    target[r] = code;
                }
            }

            at += part.Count;
        }

        return new AccessLogTable(lines, timestamps, statuses, bytes, texts, [.. values]);
    }
}

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
    /// Only the numbering is serial, and it reads each part's few distinct codes, not its rows: finding them, copying the
    /// columns and recoding the rows run on all cores.
    /// </summary>
    public static AccessLogTable Concat(IReadOnlyList<AccessLogTableBuilder> parts)
    {
        var offsets = new int[parts.Count + 1];
        for (var p = 0; p < parts.Count; p++)
        {
            offsets[p + 1] = offsets[p] + parts[p].Count;
        }

        var count = offsets[^1];
        var lines = new long[count];
        var timestamps = new DateTimeOffset[count];
        var statuses = new int[count];
        var bytes = new long[count];
        var texts = new int[AccessLogTableBuilder.TextFields][];
        for (var f = 0; f < texts.Length; f++)
        {
            texts[f] = new int[count];
        }

        var fields = AccessLogTableBuilder.TextFields;
        var firsts = new int[parts.Count * fields][];
        // A one-line table (format sniffing builds hundreds) stays on the caller's thread.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = count >= 1 << 16 ? -1 : 1 };
        Parallel.For(0, parts.Count, parallel, () => new Dictionary<StringPool, bool[]>(ReferenceEqualityComparer.Instance), (p, _, seenByPool) =>
        {
            parts[p].CopyTo(lines, timestamps, statuses, bytes, offsets[p]);
            var pool = parts[p].Pool;
            if (!seenByPool.TryGetValue(pool, out var seen) || seen.Length < pool.Values.Count)
            {
                seenByPool[pool] = seen = new bool[pool.Values.Count];
            }

            for (var f = 0; f < fields; f++)
            {
                firsts[(p * fields) + f] = FirstAppearances(parts[p].Codes(f), seen);
            }

            for (var f = 0; f < fields; f++)
            {
                foreach (var code in firsts[(p * fields) + f])
                {
                    seen[code] = false; // the worker's next part starts clean without clearing the whole array
                }
            }

            return seenByPool;
        }, _ => { });

        var (values, recodings) = Number(parts, firsts);
        Parallel.For(0, parts.Count * fields, parallel, pf =>
        {
            var (p, f) = (pf / fields, pf % fields);
            var recode = recodings[parts[p].Pool];
            var source = parts[p].Codes(f);
            var target = texts[f].AsSpan(offsets[p], source.Length);
            for (var r = 0; r < source.Length; r++)
            {
                target[r] = recode[source[r]];
            }
        });

        return new AccessLogTable(lines, timestamps, statuses, bytes, texts, values);
    }

    /// <summary>The distinct codes of one part's field, in order of first appearance (<paramref name="seen"/>: per part, shared by its fields, so a code an earlier field listed is not listed again).</summary>
    private static int[] FirstAppearances(ReadOnlySpan<int> codes, bool[] seen)
    {
        var firsts = new List<int>();
        foreach (var code in codes)
        {
            if (!seen[code])
            {
                seen[code] = true;
                firsts.Add(code);
            }
        }

        return [.. firsts];
    }

    /// <summary>
    /// Numbers the distinct values part by part, field by field, each in its order of first appearance: exactly the
    /// order a row-by-row walk meets them, since a value a part's earlier field already gave a code keeps it.
    /// </summary>
    private static (string?[] Values, Dictionary<StringPool, int[]> Recodings) Number(IReadOnlyList<AccessLogTableBuilder> parts, int[][] firsts)
    {
        var values = new List<string?>(StringPool.Reserved);
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var recodings = new Dictionary<StringPool, int[]>(ReferenceEqualityComparer.Instance);
        for (var p = 0; p < parts.Count; p++)
        {
            var pool = parts[p].Pool;
            if (!recodings.TryGetValue(pool, out var recode))
            {
                recode = new int[pool.Values.Count];
                Array.Fill(recode, -1);
                for (var r = 0; r < StringPool.Reserved.Length; r++)
                {
                    recode[r] = r;
                }

                recodings[pool] = recode;
            }

            for (var f = 0; f < AccessLogTableBuilder.TextFields; f++)
            {
                foreach (var local in firsts[(p * AccessLogTableBuilder.TextFields) + f])
                {
                    if (recode[local] >= 0)
                    {
                        continue;
                    }

                    var text = pool.Values[local]!;
                    if (!codes.TryGetValue(text, out var code))
                    {
                        code = values.Count;
                        values.Add(text);
                        codes.Add(text, code);
                    }

                    recode[local] = code;
                }
            }
        }

        return ([.. values], recodings);
    }
}

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Collects parsed requests column by column for an <see cref="AccessLogTable"/>; text fields as codes of
/// <see cref="Pool"/>, which the table recodes into its own value table.
/// </summary>
public sealed class AccessLogTableBuilder(int capacity, StringPool pool)
{
    internal const int TextFields = 8;
    internal const int Ip = 0, Ident = 1, User = 2, Method = 3, Uri = 4, Protocol = 5, Referrer = 6, UserAgent = 7;

    private readonly List<long> _lines = new(capacity);
    private readonly List<DateTimeOffset> _timestamps = new(capacity);
    private readonly List<int> _statuses = new(capacity);
    private readonly List<long> _bytes = new(capacity);
    private readonly List<int>[] _texts = Enumerable.Range(0, TextFields).Select(_ => new List<int>(capacity)).ToArray();

    public AccessLogTableBuilder(int capacity)
        : this(capacity, new StringPool())
    {
    }

    /// <summary>The pool the text codes refer to.</summary>
    public StringPool Pool => pool;

    public int Count => _lines.Count;

    public long LineAt(int index) => _lines[index];

    /// <summary>Adds a request whose text fields are codes of <see cref="Pool"/>.</summary>
    public void Add(long line, int ip, int ident, int user, DateTimeOffset timestamp, int method, int uri, int protocol, int status, long bytes, int referrer, int userAgent)
    {
        _lines.Add(line);
        _timestamps.Add(timestamp);
        _statuses.Add(status);
        _bytes.Add(bytes);
        _texts[Ip].Add(ip);
        _texts[Ident].Add(ident);
        _texts[User].Add(user);
        _texts[Method].Add(method);
        _texts[Uri].Add(uri);
        _texts[Protocol].Add(protocol);
        _texts[Referrer].Add(referrer);
        _texts[UserAgent].Add(userAgent);
    }

    public void Add(
        long line, string ip, string ident, string user, DateTimeOffset timestamp, string method, string uri, string protocol,
        int status, long bytes, string? referrer, string? userAgent) =>
        Add(line, pool.Intern(ip), pool.Intern(ident), pool.Intern(user), timestamp, pool.Intern(method), pool.Intern(uri), pool.Intern(protocol),
            status, bytes, pool.Intern(referrer), pool.Intern(userAgent));

    public AccessLogTable Build() => AccessLogTable.Concat([this]);

    internal void CopyTo(long[] lines, DateTimeOffset[] timestamps, int[] statuses, long[] bytes, int at)
    {
        _lines.CopyTo(lines, at);
        _timestamps.CopyTo(timestamps, at);
        _statuses.CopyTo(statuses, at);
        _bytes.CopyTo(bytes, at);
    }

    /// <summary>The pool's codes of one text field, row by row.</summary>
    internal ReadOnlySpan<int> Codes(int field) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_texts[field]);
}

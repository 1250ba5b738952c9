namespace AnomalyStudio.Core.Parsing;

/// <summary>Collects parsed requests column by column for an <see cref="AccessLogTable"/>.</summary>
public sealed class AccessLogTableBuilder(int capacity)
{
    private readonly List<long> _lines = new(capacity);
    private readonly List<string> _ips = new(capacity);
    private readonly List<string> _idents = new(capacity);
    private readonly List<string> _users = new(capacity);
    private readonly List<DateTimeOffset> _timestamps = new(capacity);
    private readonly List<string> _methods = new(capacity);
    private readonly List<string> _uris = new(capacity);
    private readonly List<string> _protocols = new(capacity);
    private readonly List<int> _statuses = new(capacity);
    private readonly List<long> _bytes = new(capacity);
    private readonly List<string?> _referrers = new(capacity);
    private readonly List<string?> _userAgents = new(capacity);

    public int Count => _lines.Count;

    public long LineAt(int index) => _lines[index];

    public void Add(
        long line, string ip, string ident, string user, DateTimeOffset timestamp, string method, string uri, string protocol,
        int status, long bytes, string? referrer, string? userAgent)
    {
        _lines.Add(line);
        _ips.Add(ip);
        _idents.Add(ident);
        _users.Add(user);
        _timestamps.Add(timestamp);
        _methods.Add(method);
        _uris.Add(uri);
        _protocols.Add(protocol);
        _statuses.Add(status);
        _bytes.Add(bytes);
        _referrers.Add(referrer);
        _userAgents.Add(userAgent);
    }

    public AccessLogTable Build() => AccessLogTable.Concat([this]);

    internal void CopyTo(AccessLogTable table, int at)
    {
        _lines.CopyTo(table.Lines, at);
        _ips.CopyTo(table.Ips, at);
        _idents.CopyTo(table.Idents, at);
        _users.CopyTo(table.Users, at);
        _timestamps.CopyTo(table.Timestamps, at);
        _methods.CopyTo(table.Methods, at);
        _uris.CopyTo(table.Uris, at);
        _protocols.CopyTo(table.Protocols, at);
        _statuses.CopyTo(table.Statuses, at);
        _bytes.CopyTo(table.Bytes, at);
        _referrers.CopyTo(table.Referrers, at);
        _userAgents.CopyTo(table.UserAgents, at);
    }
}

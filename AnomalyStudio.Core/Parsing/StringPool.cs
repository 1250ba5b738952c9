namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Interns the strings of one parse (IPs, methods, user agents repeat on most lines) so a large log keeps
/// one copy of each, looked up from a span without allocating. Stops growing at a cap.
/// </summary>
public sealed class StringPool
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _capacity;

    public StringPool(int capacity = 1_000_000)
    {
        _capacity = capacity;
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        if (value.Length == 1 && value[0] == '-')
        {
            return "-"; // ident, user, referrer and size are "-" on most lines
        }

        if (_lookup.TryGetValue(value, out var existing))
        {
            return existing;
        }

        var created = value.ToString();
        if (_set.Count < _capacity)
        {
            _set.Add(created);
        }

        return created;
    }
}

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Interns the strings of one parse (IPs, methods, user agents repeat on most lines) so a large log keeps
/// one copy of each, looked up from a span without allocating. A value also gets a code, its index in
/// <see cref="Values"/>, so a column can store one int per row (<see cref="EncodedColumn{T}"/>).
/// Stops hashing new values at a cap: past it a value still gets a code, but its own.
/// </summary>
public sealed class StringPool
{
    /// <summary>The code of a missing value (a common-log-format line has no user agent).</summary>
    public const int NullCode = 0;

    /// <summary>The codes every pool starts with: missing, empty and "-" (ident, user, referrer and size on most lines).</summary>
    internal static readonly string?[] Reserved = [null, string.Empty, "-"];

    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string?> _values = [.. Reserved];
    private readonly AsciiCodeTable _ascii;
    private readonly int _capacity;

    public StringPool(int capacity = 1_000_000)
    {
        _capacity = capacity;
        _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
        _ascii = new AsciiCodeTable(_values);
    }

    /// <summary>Every value coded so far, by code.</summary>
    public IReadOnlyList<string?> Values => _values;

    internal string? ValueAt(int code) => _values[code];

    /// <summary>The interned string equal to <paramref name="value"/>.</summary>
    public string Get(ReadOnlySpan<char> value) => Get(value, null);

    /// <summary>
    /// The interned string equal to <paramref name="value"/> without the white space at its ends; a value the pool does
    /// not hold yet is kept as it is when it has none (a log's messages and block ids are mostly new: no copy of each).
    /// </summary>
    public string GetTrimmed(string value)
    {
        var trimmed = value.AsSpan().Trim();
        return Get(trimmed, trimmed.Length == value.Length ? value : null);
    }

    // The interned string equal to value; on a miss, whole (the same text as value) when given, else a new string.
    private string Get(ReadOnlySpan<char> value, string? whole)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        if (value.Length == 1 && value[0] == '-')
        {
            return "-";
        }

        if (_lookup.TryGetValue(value, out var code))
        {
            return _values[code]!;
        }

        var created = whole ?? value.ToString();
        if (_codes.Count < _capacity)
        {
            _codes.Add(created, _values.Count);
            _values.Add(created);
        }

        return created;
    }

    /// <summary>The code of <paramref name="value"/>, giving it one on first sight.</summary>
    public int Intern(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 1;
        }

        if (value.Length == 1 && value[0] == '-')
        {
            return 2;
        }

        if (_lookup.TryGetValue(value, out var code))
        {
            return code;
        }

        code = _values.Count;
        var created = value.ToString();
        _values.Add(created);
        if (_codes.Count < _capacity)
        {
            _codes.Add(created, code);
        }

        return code;
    }

    /// <summary>
    /// <see cref="Intern(ReadOnlySpan{char})"/> of ASCII text as the parser reads it, in bytes: the same code the text's
    /// characters get, found by the bytes while the value is one the pool keeps a code for.
    /// </summary>
    public int InternAscii(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return 1;
        }

        if (value.Length == 1 && value[0] == (byte)'-')
        {
            return 2;
        }

        var hash = AsciiCodeTable.Hash(value);
        if (_ascii.TryGet(value, hash, out var code))
        {
            return code;
        }

        var created = string.Create(value.Length, value, static (chars, bytes) => System.Text.Ascii.ToUtf16(bytes, chars, out _));
        if (_codes.TryGetValue(created, out code))
        {
            _ascii.Add(hash, code);
            return code;
        }

        code = _values.Count;
        _values.Add(created);
        if (_codes.Count < _capacity)
        {
            _codes.Add(created, code);
            _ascii.Add(hash, code);
        }

        return code;
    }

    /// <summary>The code of a value that may be missing.</summary>
    public int Intern(string? value) => value is null ? NullCode : Intern(value.AsSpan());
}

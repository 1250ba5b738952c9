namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// The token strings of one mining run, found by their characters: the words of a log's messages repeat on most lines,
/// so a masked message costs a lookup per token instead of a string per token, and equal tokens are one instance, which
/// the miner's comparisons then settle by reference. Stops keeping new tokens at a cap (a log of unique host names):
/// past it a token still gets a string, but its own. Also lends the buffer a token is masked into.
/// </summary>
internal sealed class TokenStrings
{
    /// <summary>Gives every token a string of its own: for a single message (<see cref="MessageTokens.Mask(string)"/>).</summary>
    public static TokenStrings Unshared => new(0);

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _capacity;
    private char[] _buffer = new char[256];

    public TokenStrings(int capacity = 100_000)
    {
        _capacity = capacity;
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The string of <paramref name="token"/>: the kept one when there is one.</summary>
    public string Get(ReadOnlySpan<char> token)
    {
        if (_lookup.TryGetValue(token, out var kept))
        {
            return kept;
        }

        var created = token.ToString();
        if (_strings.Count < _capacity)
        {
            _strings.Add(created);
        }

        return created;
    }

    /// <summary>A scratch buffer of at least <paramref name="length"/> characters, overwritten by the next call.</summary>
    public char[] Buffer(int length)
    {
        if (_buffer.Length < length)
        {
            _buffer = new char[Math.Max(length, _buffer.Length * 2)];
        }

        return _buffer;
    }
}

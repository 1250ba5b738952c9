namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// The previous line's fields, for the parser of one block. Neighbouring lines of a log often share their second,
/// their client and its user agent: comparing with the previous line's text is cheaper than hashing it again or
/// rebuilding the date.
/// </summary>
internal sealed class RecentFields
{
    private readonly int[] _codes = new int[AccessLogTableBuilder.TextFields];
    private readonly char[] _time = new char[32];
    private int _timeLength = -1;
    private DateTimeOffset _timestamp;

    /// <summary>The pool's code of <paramref name="value"/> in text field <paramref name="field"/>.</summary>
    public int Intern(StringPool pool, int field, ReadOnlySpan<char> value)
    {
        var previous = _codes[field];
        if (previous >= StringPool.Reserved.Length && value.SequenceEqual(pool.ValueAt(previous)))
        {
            return previous;
        }

        return _codes[field] = pool.Intern(value);
    }

    /// <summary><see cref="Intern(StringPool, int, ReadOnlySpan{char})"/> of ASCII text in bytes.</summary>
    public int InternAscii(StringPool pool, int field, ReadOnlySpan<byte> value)
    {
        var previous = _codes[field];
        if (previous >= StringPool.Reserved.Length && System.Text.Ascii.Equals(value, pool.ValueAt(previous)))
        {
            return previous;
        }

        return _codes[field] = pool.InternAscii(value);
    }

    /// <summary><see cref="TryRepeat(ReadOnlySpan{char}, out DateTimeOffset)"/> of ASCII text in bytes.</summary>
    public bool TryRepeatAscii(ReadOnlySpan<byte> text, out DateTimeOffset timestamp)
    {
        timestamp = _timestamp;
        return text.Length == _timeLength && System.Text.Ascii.Equals(text, _time.AsSpan(0, _timeLength));
    }

    /// <summary>The previous line's timestamp when its text was the same.</summary>
    public bool TryRepeat(ReadOnlySpan<char> text, out DateTimeOffset timestamp)
    {
        timestamp = _timestamp;
        return text.Length == _timeLength && text.SequenceEqual(_time.AsSpan(0, _timeLength));
    }

    public void Remember(ReadOnlySpan<char> text, DateTimeOffset timestamp)
    {
        if (text.Length <= _time.Length)
        {
            text.CopyTo(_time);
            _timeLength = text.Length;
            _timestamp = timestamp;
        }
    }
}

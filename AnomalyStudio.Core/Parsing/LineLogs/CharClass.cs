namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// A regular-expression character class as .NET reads it: ranges of characters, <c>\d</c> (a Unicode decimal digit),
/// <c>\s</c> and <c>\S</c> (white space as <see cref="char.IsWhiteSpace(char)"/> has it, the same set), possibly negated.
/// ASCII characters are answered from a table.
/// </summary>
internal sealed class CharClass
{
    private readonly (char First, char Last)[] _ranges;
    private readonly bool _digit;
    private readonly bool _space;
    private readonly bool _notSpace;
    private readonly bool _negated;
    private readonly bool[] _ascii = new bool[128];

    public CharClass((char First, char Last)[] ranges, bool digit = false, bool space = false, bool notSpace = false, bool negated = false)
    {
        (_ranges, _digit, _space, _notSpace, _negated) = (ranges, digit, space, notSpace, negated);
        for (var c = 0; c < _ascii.Length; c++)
        {
            _ascii[c] = Test((char)c);
        }
    }

    /// <summary>Any character but a line feed: <c>.</c> without Singleline.</summary>
    public static CharClass AnyButNewline { get; } = new([('\n', '\n')], negated: true);

    public static CharClass Of(char c) => new([(c, c)]);

    public bool Contains(char c) => c < 128 ? _ascii[c] : Test(c);

    private bool Test(char c)
    {
        var hit = (_digit && char.IsDigit(c)) || (_space && char.IsWhiteSpace(c)) || (_notSpace && !char.IsWhiteSpace(c));
        foreach (var (first, last) in _ranges)
        {
            hit |= c >= first && c <= last;
        }

        return hit != _negated;
    }
}

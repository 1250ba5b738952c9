namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// Matches a <see cref="LogFormatPattern"/>'s regular expression without the regex engine, for the patterns every
/// built-in layout and most users' formats compile to: an anchored sequence of literal characters, character classes
/// (<c>\d</c>, <c>\s</c>, <c>\S</c>, <c>.</c>, <c>[…]</c>) with greedy or lazy quantifiers, and optional groups. It tries
/// the alternatives in the order a backtracking regex engine does, so it finds the same match and the same groups,
/// and allocates nothing: the regex engine made a match object, its groups and their strings for every line, about
/// half the cost of reading a header. A pattern outside this subset gets no matcher; a line that needs more than
/// <see cref="StepBudget"/> steps is left to the regex engine, which has its own timeout.
/// </summary>
internal sealed class HeaderMatcher
{
    /// <summary>Steps one line may take before the match is left to the regex engine (a pathological line).</summary>
    public const int StepBudget = 20_000;

    private readonly Node[] _nodes;

    // Per node, the class the character at that point must be in for the rest to match (the next repeat that needs a
    // character, past group bounds); null when nothing is required. A repeat tries only the counts it allows: a lazy
    // field before ": " is tried at the colons, not at every character.
    private readonly CharClass?[] _required;

    private HeaderMatcher(Node[] nodes, int groups)
    {
        _nodes = nodes;
        Groups = groups;
        _required = new CharClass?[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            var next = i;
            while (nodes[next].Kind is NodeKind.CaptureStart or NodeKind.CaptureEnd or NodeKind.OptionalEnd)
            {
                next++;
            }

            _required[i] = nodes[next] is { Kind: NodeKind.Repeat, Min: > 0 } repeat ? repeat.Class : null;
        }
    }

    /// <summary>How many capturing groups the pattern has (the fields, numbered from 0).</summary>
    public int Groups { get; }

    /// <summary>The matcher of <paramref name="pattern"/>, or null when it uses anything beyond the subset.</summary>
    public static HeaderMatcher? TryCreate(string pattern) =>
        HeaderPatternParser.TryParse(pattern, out var nodes, out var groups) ? new HeaderMatcher(nodes, groups) : null;

    /// <summary>
    /// Matches <paramref name="line"/>; on success <paramref name="captures"/> holds each group's start and end (−1 when
    /// the group did not take part). Null when the line took more than <see cref="StepBudget"/> steps: undecided.
    /// </summary>
    /// <param name="captures">2 × <see cref="Groups"/> slots.</param>
    public bool? Match(ReadOnlySpan<char> line, Span<int> captures)
    {
        captures.Fill(-1);
        var state = new State(line, captures);
        var matched = Match(ref state, 0, 0);
        return state.Steps > StepBudget ? null : matched;
    }

    private bool Match(ref State state, int index, int position)
    {
        if (++state.Steps > StepBudget)
        {
            return false;
        }

        var node = _nodes[index];
        switch (node.Kind)
        {
            case NodeKind.Repeat:
                return Repeat(ref state, index, node, position);
            case NodeKind.OptionalStart:
                // Greedy: the group first, then without it; lazy: the other way round.
                return node.Lazy
                    ? Match(ref state, index + node.Skip, position) || Match(ref state, index + 1, position)
                    : Match(ref state, index + 1, position) || Match(ref state, index + node.Skip, position);
            case NodeKind.OptionalEnd:
                return Match(ref state, index + 1, position);
            case NodeKind.CaptureStart:
            case NodeKind.CaptureEnd:
                return Capture(ref state, index, node, position);
            case NodeKind.Start:
                return position == 0 && Match(ref state, index + 1, position);
            default: // End: the end of the text, or before a final line feed, as $ without Multiline
                return position == state.Text.Length || (position == state.Text.Length - 1 && state.Text[position] == '\n');
        }
    }

    private bool Repeat(ref State state, int index, Node node, int position)
    {
        var text = state.Text;
        var required = _required[index + 1];
        if (node.Lazy)
        {
            // The fewest first, one more at a time while the class allows.
            for (var count = 0; ; count++)
            {
                if (count >= node.Min && Allows(text, position + count, required) && Match(ref state, index + 1, position + count))
                {
                    return true;
                }

                if (count == node.Max || position + count >= text.Length || !node.Class!.Contains(text[position + count]))
                {
                    return false;
                }
            }
        }

        var available = Available(text[position..], node);
        if (available < node.Min)
        {
            return false;
        }

        for (var count = available; count >= node.Min; count--)
        {
            if (Allows(text, position + count, required) && Match(ref state, index + 1, position + count))
            {
                return true;
            }
        }

        return false;
    }

    // How many characters from the start of rest the class takes, up to the node's most.
    private static int Available(ReadOnlySpan<char> rest, Node node)
    {
        var limit = (int)Math.Min(node.Max, rest.Length);
        if (ReferenceEquals(node.Class, CharClass.AnyButNewline))
        {
            var newline = rest[..limit].IndexOf('\n');
            return newline < 0 ? limit : newline;
        }

        var available = 0;
        while (available < limit && node.Class!.Contains(rest[available]))
        {
            available++;
        }

        return available;
    }

    private static bool Allows(ReadOnlySpan<char> text, int position, CharClass? required) =>
        required is null || (position < text.Length && required.Contains(text[position]));

    private bool Capture(ref State state, int index, Node node, int position)
    {
        var slot = (node.Group * 2) + (node.Kind == NodeKind.CaptureEnd ? 1 : 0);
        var before = state.Captures[slot];
        state.Captures[slot] = position;
        if (Match(ref state, index + 1, position))
        {
            return true;
        }

        state.Captures[slot] = before; // a group given up by backtracking has not taken part
        return false;
    }

    private ref struct State(ReadOnlySpan<char> text, Span<int> captures)
    {
        public ReadOnlySpan<char> Text = text;
        public Span<int> Captures = captures;
        public int Steps;
    }

    internal enum NodeKind
    {
        Start,
        End,
        Repeat,
        OptionalStart,
        OptionalEnd,
        CaptureStart,
        CaptureEnd,
    }

    /// <summary>
    /// One step of the pattern: a character class repeated <see cref="Min"/> to <see cref="Max"/> times (a literal is a
    /// class of one, once), the bounds of an optional group (<see cref="Skip"/>: how many nodes on the one after it is), or of a field.
    /// </summary>
    internal sealed record Node(NodeKind Kind, CharClass? Class = null, int Min = 1, int Max = 1, bool Lazy = false, int Skip = 0, int Group = 0);
}

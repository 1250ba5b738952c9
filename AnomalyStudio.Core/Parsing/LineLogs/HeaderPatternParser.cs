using Node = AnomalyStudio.Core.Parsing.LineLogs.HeaderMatcher.Node;
using NodeKind = AnomalyStudio.Core.Parsing.LineLogs.HeaderMatcher.NodeKind;

namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// Reads the subset of .NET's regular expressions a <see cref="HeaderMatcher"/> runs (compiled with ExplicitCapture):
/// <c>^</c> first and <c>$</c> last, literal and escaped characters, <c>.</c>, <c>\d</c>, <c>\s</c>, <c>\S</c>, classes
/// <c>[…]</c> of characters, ranges and those escapes, the quantifiers <c>* + ? {n} {n,} {n,m}</c> (lazy with a
/// <c>?</c>), and groups <c>(?:…)</c> or <c>(?&lt;fN&gt;…)</c>, optional (<c>?</c>) or not. Anything else (alternation,
/// <c>\w</c>, look-arounds, back-references) is refused, so the caller keeps the regex engine for that pattern.
/// </summary>
internal static class HeaderPatternParser
{
    public static bool TryParse(string pattern, out Node[] nodes, out int groups)
    {
        var list = new List<Node>();
        var at = 0;
        groups = 0;
        nodes = [];
        if (!pattern.StartsWith('^'))
        {
            return false;
        }

        list.Add(new Node(NodeKind.Start));
        at = 1;
        if (!TrySequence(pattern, ref at, list, ref groups) || at != pattern.Length - 1 || pattern[at] != '$')
        {
            return false;
        }

        list.Add(new Node(NodeKind.End));
        nodes = [.. list];
        return true;
    }

    // Reads items up to a ')' or a final '$' (left for the caller).
    private static bool TrySequence(string pattern, ref int at, List<Node> nodes, ref int groups)
    {
        while (at < pattern.Length && pattern[at] != ')' && !(pattern[at] == '$' && at == pattern.Length - 1))
        {
            var ok = pattern[at] == '(' ? TryGroup(pattern, ref at, nodes, ref groups) : TryRepeat(pattern, ref at, nodes);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryGroup(string pattern, ref int at, List<Node> nodes, ref int groups)
    {
        var group = -1;
        if (pattern.AsSpan(at).StartsWith("(?:"))
        {
            at += 3;
        }
        else if (pattern.AsSpan(at).StartsWith("(?<f") && pattern.IndexOf('>', at) is var close and > 0
            && int.TryParse(pattern.AsSpan(at + 4, close - at - 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out group))
        {
            at = close + 1;
            groups = Math.Max(groups, group + 1);
        }
        else
        {
            return false;
        }

        var body = new List<Node>();
        if (!TrySequence(pattern, ref at, body, ref groups) || at >= pattern.Length || pattern[at] != ')')
        {
            return false;
        }

        at++;
        if (group >= 0)
        {
            body.Insert(0, new Node(NodeKind.CaptureStart, Group: group));
            body.Add(new Node(NodeKind.CaptureEnd, Group: group));
        }

        if (at < pattern.Length && pattern[at] is '*' or '+' or '{')
        {
            return false; // a repeated group: beyond the subset
        }

        if (at < pattern.Length && pattern[at] == '?')
        {
            var lazy = ++at < pattern.Length && pattern[at] == '?';
            at += lazy ? 1 : 0;
            if (at < pattern.Length && pattern[at] is '*' or '+' or '?' or '{')
            {
                return false;
            }

            // Skip: how far on the node after the group is.
            nodes.Add(new Node(NodeKind.OptionalStart, Lazy: lazy, Skip: body.Count + 2));
            nodes.AddRange(body);
            nodes.Add(new Node(NodeKind.OptionalEnd));
            return true;
        }

        nodes.AddRange(body);
        return true;
    }

    private static bool TryRepeat(string pattern, ref int at, List<Node> nodes)
    {
        if (!TryAtom(pattern, ref at, out var atom))
        {
            return false;
        }

        var (min, max) = (1, 1);
        var quantified = at < pattern.Length && pattern[at] is '*' or '+' or '?' or '{';
        if (quantified)
        {
            switch (pattern[at])
            {
                case '*':
                    (min, max, at) = (0, int.MaxValue, at + 1);
                    break;
                case '+':
                    (min, max, at) = (1, int.MaxValue, at + 1);
                    break;
                case '?':
                    (min, max, at) = (0, 1, at + 1);
                    break;
                default:
                    if (!TryBraces(pattern, ref at, out min, out max))
                    {
                        return false;
                    }

                    break;
            }
        }

        var lazy = quantified && at < pattern.Length && pattern[at] == '?';
        at += lazy ? 1 : 0;
        if (at < pattern.Length && pattern[at] is '*' or '+' or '?' or '{')
        {
            return false; // a nested quantifier
        }

        nodes.Add(new Node(NodeKind.Repeat, atom, min, max, lazy));
        return true;
    }

    private static bool TryBraces(string pattern, ref int at, out int min, out int max)
    {
        (min, max) = (0, 0);
        var close = pattern.IndexOf('}', at);
        if (close < 0)
        {
            return false;
        }

        var inside = pattern.AsSpan(at + 1, close - at - 1);
        var comma = inside.IndexOf(',');
        var style = System.Globalization.NumberStyles.None;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (comma < 0 ? !int.TryParse(inside, style, culture, out min)
            : !int.TryParse(inside[..comma], style, culture, out min))
        {
            return false;
        }

        max = min;
        if (comma >= 0 && comma < inside.Length - 1 && !int.TryParse(inside[(comma + 1)..], style, culture, out max))
        {
            return false;
        }

        if (comma == inside.Length - 1)
        {
            max = int.MaxValue;
        }

        at = close + 1;
        return max >= min;
    }

    private static bool TryAtom(string pattern, ref int at, out CharClass atom)
    {
        atom = CharClass.AnyButNewline;
        var c = pattern[at];
        switch (c)
        {
            case '.':
                at++;
                return true;
            case '[':
                return TryClass(pattern, ref at, out atom);
            case '\\':
                return TryEscape(pattern, ref at, out atom);
            case '^' or '$' or '|' or '*' or '+' or '?' or '{' or '(' or ')':
                return false;
            default:
                atom = CharClass.Of(c);
                at++;
                return true;
        }
    }

    // An escape outside a class: \d, \s, \S, a control letter or an escaped symbol.
    private static bool TryEscape(string pattern, ref int at, out CharClass atom)
    {
        atom = CharClass.AnyButNewline;
        if (at + 1 >= pattern.Length)
        {
            return false;
        }

        var e = pattern[at + 1];
        at += 2;
        switch (e)
        {
            case 'd':
                atom = new CharClass([], digit: true);
                return true;
            case 's':
                atom = new CharClass([], space: true);
                return true;
            case 'S':
                atom = new CharClass([], notSpace: true);
                return true;
            default:
                if (Escaped(e) is not { } literal)
                {
                    return false;
                }

                atom = CharClass.Of(literal);
                return true;
        }
    }

    // The character an escape stands for when it is a control letter or a symbol; null for any other letter or digit.
    private static char? Escaped(char e) => e switch
    {
        't' => '\t',
        'n' => '\n',
        'r' => '\r',
        'f' => '\f',
        'v' => '\v',
        _ when char.IsAsciiLetterOrDigit(e) || e == '_' || e > 127 => null,
        _ => e,
    };

    private static bool TryClass(string pattern, ref int at, out CharClass atom)
    {
        atom = CharClass.AnyButNewline;
        var i = at + 1;
        var negated = i < pattern.Length && pattern[i] == '^';
        i += negated ? 1 : 0;
        if (i >= pattern.Length || pattern[i] == ']')
        {
            return false; // "[]…]": a literal ']' first, left to the engine
        }

        var ranges = new List<(char, char)>();
        var (digit, space, notSpace) = (false, false, false);
        while (i < pattern.Length && pattern[i] != ']')
        {
            if (!TryClassChar(pattern, ref i, out var first, ref digit, ref space, ref notSpace))
            {
                return false;
            }

            if (first is not { } low)
            {
                continue; // \d, \s or \S
            }

            if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                i++;
                var (d, s, n) = (false, false, false);
                if (!TryClassChar(pattern, ref i, out var last, ref d, ref s, ref n) || last is not { } high || high < low)
                {
                    return false;
                }

                ranges.Add((low, high));
            }
            else
            {
                ranges.Add((low, low));
            }
        }

        if (i >= pattern.Length)
        {
            return false;
        }

        at = i + 1;
        atom = new CharClass([.. ranges], digit, space, notSpace, negated);
        return true;
    }

    // One character of a class (null for \d, \s or \S, which set their flag); false for anything beyond the subset.
    private static bool TryClassChar(string pattern, ref int i, out char? c, ref bool digit, ref bool space, ref bool notSpace)
    {
        c = pattern[i];
        if (c == '[')
        {
            return false; // subtraction or a nested class
        }

        if (c != '\\')
        {
            i++;
            return true;
        }

        if (i + 1 >= pattern.Length)
        {
            return false;
        }

        var e = pattern[i + 1];
        i += 2;
        c = null;
        switch (e)
        {
            case 'd':
                digit = true;
                return true;
            case 's':
                space = true;
                return true;
            case 'S':
                notSpace = true;
                return true;
            default:
                c = Escaped(e);
                return c is not null;
        }
    }
}

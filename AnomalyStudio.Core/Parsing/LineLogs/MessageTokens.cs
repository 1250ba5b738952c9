using System.Text.RegularExpressions;

namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// Drain's pre-processing: splits a message into whitespace tokens with its values masked as &lt;*&gt;, and says which
/// tokens are words. Values are masked inside a token, between the separators of key=value lists and brackets
/// (<c>uid=10037,</c> → <c>uid=&lt;*&gt;,</c>; <c>host:5070</c> → <c>host:&lt;*&gt;</c>), when a piece starts with a digit,
/// has a run of 3 digits, or as many digits as letters (2351, 10.0.0.1, 0x1f, blk_-160899, core.1234), or is 8 hex digits or more
/// (ffffffff), while names with a digit in them stay (jk2_init, ssh2). A quantity with its unit (<c>&lt;1 sec</c>, <c>1190 bytes (1.16 KB)</c>) is one value,
/// so messages that give it in different words still line up.
/// </summary>
public static partial class MessageTokens
{
    /// <summary>A number with a unit, optionally restated in another unit in brackets: one value however it is written.</summary>
    [GeneratedRegex(@"(?<![\w.])[<>~]?\d+(?:[.,]\d+)?\s?(?:[KMGTP]i?B|bytes?|ms|µs|us|ns|sec|secs|seconds?|mins?|minutes?|hours?|days?)(?:\s\(\d+(?:[.,]\d+)?\s?[KMGTP]i?B\))?(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly System.Buffers.SearchValues<char> PieceSeparators = System.Buffers.SearchValues.Create("=,:;()[]{}\"'");

    /// <summary>The message's tokens, values masked.</summary>
    public static string[] Mask(string message)
    {
        var tokens = new List<string>();
        Mask(message, tokens, TokenStrings.Unshared);
        return [.. tokens];
    }

    /// <summary>Puts the message's tokens, values masked, in <paramref name="tokens"/> (cleared first), their strings from <paramref name="strings"/>.</summary>
    internal static void Mask(string message, List<string> tokens, TokenStrings strings)
    {
        tokens.Clear();
        if (HasQuantity(message))
        {
            message = Quantity().Replace(message, LogTemplate.Wildcard);
        }

        // The pieces between spaces and tabs, empty ones left out.
        var rest = message.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny(' ', '\t');
            if (end < 0)
            {
                end = rest.Length;
            }

            if (end > 0)
            {
                tokens.Add(MaskToken(rest[..end], strings));
            }

            rest = end < rest.Length ? rest[(end + 1)..] : [];
        }
    }

    /// <summary>
    /// Whether the token is a plain word (letters, dots and the separators of lists and brackets, no value): messages whose
    /// words differ are different events ("VM Started", "VM Paused"), however alike the rest. Host names, paths and
    /// addresses with an @ are not words: they vary like values.
    /// </summary>
    public static bool IsWord(string token)
    {
        if (ReferenceEquals(token, LogTemplate.Wildcard))
        {
            return false;
        }

        var letters = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (c == '<' && token.AsSpan(i).StartsWith(LogTemplate.Wildcard, StringComparison.Ordinal))
            {
                i += LogTemplate.Wildcard.Length - 1; // a key's value ("uid=<*>,"): the key still names the event
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
            else if (char.IsAsciiDigit(c) || c is '/' or '\\' or '@')
            {
                return false;
            }
        }

        return letters > 0 && !IsHostName(token);
    }

    /// <summary>A lower-case dotted name ending in a short label (proxy.cse.cuhk.edu.hk, get.sogou.com:&lt;*&gt;), unlike a package or class name.</summary>
    private static bool IsHostName(string token)
    {
        var name = token.AsSpan().TrimEnd(",;:)]>").TrimStart("([<");
        var port = name.IndexOf(':');
        if (port > 0)
        {
            name = name[..port];
        }

        var lastDot = name.LastIndexOf('.');
        if (lastDot <= 0 || name.Length - lastDot - 1 is < 2 or > 4)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a piece of a token is a value rather than a name: see the type's summary.</summary>
    public static bool IsValue(ReadOnlySpan<char> piece)
    {
        var digits = 0;
        var letters = 0;
        var run = 0;
        var longestRun = 0;
        var firstAlphanumeric = '\0';
        foreach (var c in piece)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
                longestRun = Math.Max(longestRun, ++run);
            }
            else
            {
                run = 0;
                letters += char.IsLetter(c) ? 1 : 0;
            }

            if (firstAlphanumeric == '\0' && char.IsLetterOrDigit(c))
            {
                firstAlphanumeric = c;
            }
        }

        return digits > 0
            ? char.IsAsciiDigit(firstAlphanumeric) || longestRun >= 3 || digits >= letters
            : piece.Length >= 8 && !piece.ContainsAnyExcept(HexDigits); // ffffffff, a hash or a mask without a digit
    }

    // Cheap test before the regex: a number that starts a word and is followed, after at most one space, by the start of
    // a unit. Most messages have none, and the regex is the costliest step of masking.
    private static bool HasQuantity(string message)
    {
        var span = message.AsSpan();
        for (var i = span.IndexOfAnyInRange('0', '9'); i >= 0 && i < span.Length - 1;)
        {
            var start = i;
            while (i < span.Length && (char.IsAsciiDigit(span[i]) || span[i] is '.' or ','))
            {
                i++;
            }

            var before = start == 0 ? ' ' : span[start - 1];
            var unit = i < span.Length && span[i] == ' ' ? i + 1 : i;
            if (!char.IsLetterOrDigit(before) && before is not ('.' or '_' or '-') && unit < span.Length && StartsWithUnit(span[unit..]))
            {
                return true;
            }

            var next = span[i..].IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : i + next;
        }

        return false;
    }

    // What every unit of the Quantity pattern starts with: "dest" or "from" after a port or a size is no unit.
    private static bool StartsWithUnit(ReadOnlySpan<char> text)
    {
        if (text[0] is 'K' or 'M' or 'G' or 'T' or 'P')
        {
            return text.Length > 1 && (text[1] == 'B' || text[1..].StartsWith("iB", StringComparison.Ordinal));
        }

        foreach (var unit in UnitPrefixes)
        {
            if (text.StartsWith(unit, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] UnitPrefixes = ["byte", "ms", "µs", "us", "ns", "sec", "min", "hour", "day"];

    private static string MaskToken(ReadOnlySpan<char> token, TokenStrings strings)
    {
        if (token.SequenceEqual(LogTemplate.Wildcard))
        {
            return LogTemplate.Wildcard; // one instance, so the miner compares wildcards by reference
        }

        if (!token.ContainsAnyInRange('0', '9') && token.Length < 8)
        {
            return strings.Get(token);
        }

        if (token.IndexOfAny(PieceSeparators) < 0)
        {
            return IsValue(token) ? LogTemplate.Wildcard : strings.Get(token);
        }

        // A value piece becomes <*> (3 characters for at least 1): the masked token is at most three times as long.
        var masked = strings.Buffer(token.Length * LogTemplate.Wildcard.Length);
        var length = 0;
        var anyValue = false; // most tokens have none
        var start = 0;
        while (start <= token.Length)
        {
            var pieceLength = token[start..].IndexOfAny(PieceSeparators);
            var end = pieceLength < 0 ? token.Length : start + pieceLength;
            var piece = token[start..end];
            if (piece.Length > 0 && IsValue(piece))
            {
                anyValue = true;
                LogTemplate.Wildcard.CopyTo(masked.AsSpan(length));
                length += LogTemplate.Wildcard.Length;
            }
            else
            {
                piece.CopyTo(masked.AsSpan(length));
                length += piece.Length;
            }

            if (end < token.Length)
            {
                masked[length++] = token[end];
            }

            start = end + 1;
        }

        if (!anyValue)
        {
            return strings.Get(token);
        }

        var text = masked.AsSpan(0, length);
        return text.SequenceEqual(LogTemplate.Wildcard) ? LogTemplate.Wildcard : strings.Get(text);
    }
}

using System.Buffers;
using System.Text;

namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// Makes log content safe to print: a URI or user agent may carry ANSI escape sequences (which recolour, move the
/// cursor or retitle a terminal), other control characters, or bidirectional overrides (which reorder what a reader
/// sees). Each becomes a visible stand-in, so the text shows what the file holds and does nothing.
/// </summary>
public static class InertText
{
    private static readonly SearchValues<char> Unsafe = UnsafeCharacters(keepLineBreaks: false);

    private static readonly SearchValues<char> UnsafeExceptLineBreaks = UnsafeCharacters(keepLineBreaks: true);

    /// <summary>True when <see cref="ForTerminal"/> would change the text.</summary>
    public static bool NeedsTerminalEscaping(ReadOnlySpan<char> text) => text.ContainsAny(Unsafe);

    /// <summary>True when <see cref="ForDocument"/> would change the text.</summary>
    public static bool NeedsDocumentEscaping(ReadOnlySpan<char> text) => text.ContainsAny(UnsafeExceptLineBreaks);

    /// <summary>For one line of a terminal: every control character, tabs and line breaks included, is made visible.</summary>
    public static string ForTerminal(string text) => Replace(text, Unsafe);

    /// <summary>For a cell of an exported document (CSV): tabs and line breaks stay (the cell is quoted), the rest is made visible.</summary>
    public static string ForDocument(string text) => Replace(text, UnsafeExceptLineBreaks);

    // C0 controls (tab, line feed and carriage return optionally kept), DEL, C1 controls, and the Unicode
    // bidirectional embedding, override, isolate and mark characters.
    private static SearchValues<char> UnsafeCharacters(bool keepLineBreaks) => SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Where(c => !keepLineBreaks || c is not ('\t' or '\n' or '\r')).Select(c => (char)c))
        + string.Concat(Enumerable.Range(0x7F, 0x21).Select(c => (char)c))
        + "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");

    private static string Replace(string text, SearchValues<char> unsafeChars)
    {
        var first = text.AsSpan().IndexOfAny(unsafeChars);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (!unsafeChars.Contains(c))
            {
                builder.Append(c);
            }
            else if (c < 0x20)
            {
                builder.Append((char)(0x2400 + c)); // Unicode's control pictures: ESC shows as ␛
            }
            else if (c == 0x7F)
            {
                builder.Append('\u2421'); // ␡
            }
            else
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");
            }
        }

        return builder.ToString();
    }
}

using System.Numerics;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// The space-separated tokens and quoted fields of an access-log line, read alike from its UTF-16 text (the general
/// reader, <see cref="AccessLogParser"/>) and from an all-ASCII line's bytes (the fast one, <see cref="AccessLogAsciiLine"/>):
/// <typeparamref name="T"/> is <see cref="char"/> or <see cref="byte"/>, and each is compiled for it alone.
/// </summary>
internal static class AccessLogFields<T>
    where T : unmanaged, IBinaryInteger<T>
{
    private static T Space => T.CreateTruncating(' ');

    private static T Quote => T.CreateTruncating('"');

    private static T Backslash => T.CreateTruncating('\\');

    /// <summary>The next token after any spaces; false at the end of the line.</summary>
    public static bool TryToken(ref ReadOnlySpan<T> rest, out ReadOnlySpan<T> token)
    {
        rest = rest.TrimStart(Space);
        if (rest.IsEmpty)
        {
            token = default;
            return false;
        }

        var space = rest.IndexOf(Space);
        token = space < 0 ? rest : rest[..space];
        rest = space < 0 ? default : rest[(space + 1)..];
        return true;
    }

    /// <summary>The next quoted field, which ends at the first quote not escaped by a backslash (Apache writes \" inside fields).</summary>
    public static bool TryQuoted(ref ReadOnlySpan<T> rest, out ReadOnlySpan<T> value)
    {
        rest = rest.TrimStart(Space);
        value = default;
        if (rest.IsEmpty || rest[0] != Quote)
        {
            return false;
        }

        var searchFrom = 1;
        while (true)
        {
            var quote = rest[searchFrom..].IndexOf(Quote);
            if (quote < 0)
            {
                return false;
            }

            var at = searchFrom + quote;
            var backslashes = 0;
            for (var i = at - 1; i >= 1 && rest[i] == Backslash; i--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 0)
            {
                value = rest[1..at];
                rest = rest[(at + 1)..];
                return true;
            }

            searchFrom = at + 1;
        }
    }

    /// <summary>A quoted field, or one cut off before its closing quote (a truncated line's user agent), kept as far as it goes.</summary>
    public static bool TryQuotedOrTruncated(ref ReadOnlySpan<T> rest, out ReadOnlySpan<T> value)
    {
        if (TryQuoted(ref rest, out value))
        {
            return true;
        }

        if (rest.IsEmpty || rest[0] != Quote)
        {
            return false;
        }

        value = rest[1..];
        rest = default;
        return true;
    }
}

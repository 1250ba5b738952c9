using System.Text;

namespace AnomalyStudio.Core.Features.Text;

/// <summary>
/// The shape of a text: what is left when the parts that vary between ordinary records are abstracted, so records of
/// one kind share a shape and a record unlike the others has a rare one. For a URL: the path with numbers and long
/// hex or mixed tokens as <c>9</c> and <c>*</c>, then each parameter's name with the character classes of its value
/// (<c>a</c> letters, <c>9</c> digits, the space, and every other character itself), e.g.
/// <c>/shop/item/9?id=9&amp;q=a </c>. For other text: the words, with every word that holds a digit as <c>*</c>
/// (as log-template miners do), at most the first 24 words.
/// </summary>
public static class TextShape
{
    private const int MaxWords = 24;

    /// <param name="decoded">The text, percent-decoded (<see cref="TextContent.Decode"/>).</param>
    /// <param name="url">Whether the text is a URL, path or form body: ask <see cref="LooksLikeUrl"/> of the text before
    /// decoding, since decoding turns a form's '+' into spaces.</param>
    public static string Of(string decoded, bool url)
    {
        var builder = new StringBuilder(Math.Min(decoded.Length, 256));
        if (url)
        {
            Url(decoded, builder);
        }
        else
        {
            Words(decoded, builder);
        }

        return builder.ToString();
    }

    /// <summary>A path ("/a/b"), a full URL, or a query or form body ("a=1&amp;b=2").</summary>
    public static bool LooksLikeUrl(string text) =>
        text.StartsWith('/') || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || (text.Contains('=') && !text.Contains(' ') && text.IndexOf('=') < 64);

    private static void Url(string text, StringBuilder builder)
    {
        var span = text.AsSpan();
        var scheme = span.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var pathStart = span[(scheme + 3)..].IndexOf('/');
            span = pathStart < 0 ? [] : span[(scheme + 3 + pathStart)..];
        }

        var query = span.IndexOf('?');
        var path = query < 0 ? span : span[..query];
        var parameters = query < 0 ? [] : span[(query + 1)..];
        if (query < 0 && !path.Contains('/') && path.Contains('='))
        {
            parameters = path; // a form body: parameters only
            path = [];
        }

        foreach (var segment in path.Split('/'))
        {
            var part = path[segment];
            if (segment.Start.Value > 0 || part.Length > 0)
            {
                builder.Append('/');
            }

            if (part.Length == 0)
            {
                continue;
            }

            var digits = 0;
            foreach (var c in part)
            {
                digits += char.IsAsciiDigit(c) ? 1 : 0;
            }

            builder.Append(digits == part.Length ? "9" : digits > 0 && part.Length >= 8 ? "*" : part.Length > 40 ? "*" : part);
        }

        if (parameters.IsEmpty)
        {
            return;
        }

        builder.Append('?');
        var first = true;
        foreach (var range in parameters.Split('&'))
        {
            var pair = parameters[range];
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            if (!first)
            {
                builder.Append('&');
            }

            first = false;
            builder.Append(name.Length > 40 ? "*" : name);
            if (equals >= 0)
            {
                builder.Append('=');
                Classes(pair[(equals + 1)..], builder);
            }
        }
    }

    /// <summary>The character classes of a value, in a fixed order: letters, digits, space, then other characters as they first occur.</summary>
    private static void Classes(ReadOnlySpan<char> value, StringBuilder builder)
    {
        bool letters = false, digits = false, space = false;
        Span<char> others = stackalloc char[16];
        var count = 0;
        foreach (var c in value)
        {
            if (char.IsLetter(c))
            {
                letters = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits = true;
            }
            else if (c == ' ')
            {
                space = true;
            }
            else if (count < others.Length && others[..count].IndexOf(c) < 0)
            {
                others[count++] = c;
            }
        }

        if (letters)
        {
            builder.Append('a');
        }

        if (digits)
        {
            builder.Append('9');
        }

        if (space)
        {
            builder.Append(' ');
        }

        builder.Append(others[..count]);
    }

    private static void Words(string text, StringBuilder builder)
    {
        var words = 0;
        foreach (var range in text.AsSpan().SplitAny(' ', '\t'))
        {
            var word = text.AsSpan()[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (words++ == MaxWords)
            {
                builder.Append(" …");
                break;
            }

            if (words > 1)
            {
                builder.Append(' ');
            }

            builder.Append(word.IndexOfAnyInRange('0', '9') >= 0 ? "*" : word);
        }
    }
}

using System.Buffers;

namespace AnomalyStudio.Core.Features.Text;

/// <summary>
/// Counts the distinct attack-payload tokens in a decoded, lower-cased text: SQL (quotes, comments, keywords,
/// time-based probes), script (tags, handlers, javascript:), traversal and sensitive files, shell (pipes,
/// back-ticks, $( ), command names after a separator) and remote inclusion (a URL inside a parameter). Ordinary
/// requests and messages carry none or one; an injection carries several. Unlike <see cref="UriThreatDetector"/>,
/// which names one kind of attack for an explanation, this is a graded measure for the model.
/// </summary>
public static class PayloadTokens
{
    private static readonly string[] Tokens =
    [
        // SQL
        "'", "\"", "--", "/*", "*/", "#", ";", " or ", " and ", "union", "select", "insert", "update", "delete", "drop",
        "from", "where", "sleep(", "benchmark(", "waitfor", "delay", "xp_", "0x", "char(", "concat(", "having", "order by",
        "information_schema", "@@", "exec", "cast(",
        // script
        "<", ">", "script", "javascript:", "vbscript:", "onerror", "onload", "onmouseover", "alert(", "prompt(", "document.",
        "eval(", "iframe", "src=", "fromcharcode", "expression(",
        // traversal and files
        "../", "..\\", "/etc/", "passwd", "win.ini", "boot.ini", "\0", "%00", "/proc/", "c:\\", "cmd.exe",
        // shell
        "|", "`", "$(", "${", "&&", "/bin/", "wget ", "curl ", "nc ", "chmod", "whoami",
        // inclusion and injection
        "=http:", "=https:", "=ftp:", "=//", "php://", "file://", "data:", "\r", "\n", "%0d", "%0a",
    ];

    private static readonly SearchValues<string> Any = SearchValues.Create(Tokens, StringComparison.Ordinal);

    /// <summary>
    /// How many of the payload tokens occur in <paramref name="decoded"/> (already lower case). A keyword counts only as
    /// a whole word: Spanish "insertar" or "selection" is not SQL.
    /// </summary>
    public static int Count(ReadOnlySpan<char> decoded)
    {
        if (decoded.IndexOfAny(Any) < 0)
        {
            return 0;
        }

        var count = 0;
        foreach (var token in Tokens)
        {
            if (Occurs(decoded, token))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The payload tokens found in <paramref name="decoded"/> (lower case), at most <paramref name="max"/>, for an explanation.</summary>
    public static IReadOnlyList<string> Found(ReadOnlySpan<char> decoded, int max = 4)
    {
        var found = new List<string>();
        if (decoded.IndexOfAny(Any) < 0)
        {
            return found;
        }

        foreach (var token in Tokens)
        {
            if (found.Count < max && Occurs(decoded, token))
            {
                found.Add(token.Trim() is { Length: > 0 } word ? word : token);
            }
        }

        return found;
    }

    private static bool Occurs(ReadOnlySpan<char> text, string token)
    {
        var wordStart = char.IsAsciiLetter(token[0]);
        var wordEnd = char.IsAsciiLetter(token[^1]);
        var from = 0;
        while (from < text.Length)
        {
            var at = text[from..].IndexOf(token, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            at += from;
            var end = at + token.Length;
            if ((!wordStart || at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (!wordEnd || end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }
}

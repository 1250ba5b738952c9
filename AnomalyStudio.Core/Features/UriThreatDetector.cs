using System.Text.RegularExpressions;

namespace AnomalyStudio.Core.Features;

/// <summary>
/// Finds attack patterns in request URIs: path traversal (also percent-encoded and double-encoded), SQL
/// injection, cross-site scripting, command injection and probes for sensitive files, and raw bytes (shellcode)
/// in the request line. The URI is percent-decoded up to twice before matching, so <c>%252e%252e%252f</c> counts as <c>../</c>.
/// </summary>
public static partial class UriThreatDetector
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    /// <param name="cache">Threats already found per URI in this file: attack URIs repeat (a scanner sends the same
    /// probes again and again), so each distinct one is matched once.</param>
    public static UriThreat Detect(string uri, System.Collections.Concurrent.ConcurrentDictionary<string, UriThreat>? cache = null)
    {
        if (uri.Length == 0)
        {
            return UriThreat.None;
        }

        var raw = HasRawBytes(uri) ? UriThreat.RawBytes : UriThreat.None;
        var decoded = Decode(uri);
        if (!decoded.AsSpan().ContainsAny(Triggers))
        {
            return raw;
        }

        if (cache is null)
        {
            return raw | Match(decoded);
        }

        if (cache.TryGetValue(uri, out var known))
        {
            return raw | known;
        }

        var threats = Match(decoded);
        if (cache.Count < 100_000)
        {
            cache.TryAdd(uri, threats);
        }

        return raw | threats;
    }

    /// <summary>
    /// True when the text carries raw bytes: a C0 control other than tab, DEL or a C1 control, U+FFFD, or a <c>\xNN</c>
    /// escape (how <see cref="Parsing.InputDecoder"/> keeps bytes that are not UTF-8, and how Apache itself logs them).
    /// No client sends these in a request line; an exploit's shellcode does.
    /// </summary>
    public static bool HasRawBytes(ReadOnlySpan<char> text) => FirstRawByte(text) >= 0;

    /// <summary>The first raw bytes of <paramref name="text"/> (at most eight), each as <c>\xNN</c>, for an explanation; null when it has none.</summary>
    public static string? RawBytesEvidence(ReadOnlySpan<char> text)
    {
        var at = FirstRawByte(text);
        if (at < 0)
        {
            return null;
        }

        var evidence = new System.Text.StringBuilder();
        var bytes = 0;
        var i = at;
        while (i < text.Length && bytes < 8 && (IsEscape(text, i) || IsRawCharacter(text[i])))
        {
            if (IsEscape(text, i))
            {
                evidence.Append(text.Slice(i, 4));
                i += 4;
            }
            else
            {
                evidence.Append(text[i] <= 0xFF ? "\\x" : "\\u").Append(((int)text[i]).ToString(text[i] <= 0xFF ? "x2" : "x4", System.Globalization.CultureInfo.InvariantCulture));
                i++;
            }

            bytes++;
        }

        return i < text.Length && bytes == 8 && (IsEscape(text, i) || IsRawCharacter(text[i])) ? evidence.Append('…').ToString() : evidence.ToString();
    }

    private static int FirstRawByte(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsRawCharacter(text[i]) || IsEscape(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsRawCharacter(char c) => c is (< ' ' and not '\t') or (>= '\u007F' and <= '\u009F') or '\uFFFD';

    private static bool IsEscape(ReadOnlySpan<char> text, int at) =>
        at + 3 < text.Length && text[at] == '\\' && text[at + 1] == 'x' && char.IsAsciiHexDigit(text[at + 2]) && char.IsAsciiHexDigit(text[at + 3]);

    private static UriThreat Match(string decoded)
    {
        var threats = UriThreat.None;
        foreach (var (threat, pattern) in Patterns)
        {
            if (pattern.IsMatch(decoded))
            {
                threats |= threat;
            }
        }

        return threats;
    }

    /// <summary>The text that matched <paramref name="threat"/>, clipped, for an explanation; null when it does not match.</summary>
    public static string? Evidence(string uri, UriThreat threat)
    {
        var decoded = Decode(uri);
        foreach (var (kind, pattern) in Patterns)
        {
            if (kind == threat && pattern.Match(decoded) is { Success: true } match)
            {
                var text = match.Value.Trim();
                return text.Length <= 24 ? text : string.Concat(text.AsSpan(0, 24), "…");
            }
        }

        return null;
    }

    /// <summary>Percent-decodes twice (double encoding is a classic evasion) and turns '+' into spaces.</summary>
    internal static string Decode(string uri)
    {
        if (uri.IndexOf('%') < 0 && uri.IndexOf('+') < 0)
        {
            return uri;
        }

        var once = Uri.UnescapeDataString(uri.Replace('+', ' '));
        return once.IndexOf('%') < 0 ? once : Uri.UnescapeDataString(once);
    }

    private static readonly (UriThreat Threat, Regex Pattern)[] Patterns =
    [
        (UriThreat.PathTraversal, PathTraversal()),
        (UriThreat.SqlInjection, SqlInjection()),
        (UriThreat.CrossSiteScripting, CrossSiteScripting()),
        (UriThreat.CommandInjection, CommandInjection()),
        (UriThreat.SensitiveFile, SensitiveFile()),
    ];

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\.\.[/\\]|[/\\]\.\.(?:$|[?;])", Options)]
    private static partial Regex PathTraversal();

    [GeneratedRegex(@"union\s+(?:all\s+)?select\b|'\s*(?:or|and)\s+'?\w+'?\s*=\s*'?\w|\bor\s+1\s*=\s*1\b|;\s*(?:drop|delete|insert|update|shutdown)\s|\bdrop\s+table\b|\bsleep\s*\(\s*\d|\bbenchmark\s*\(|information_schema|waitfor\s+delay|xp_cmdshell|'\s*(?:--|#)|\bselect\s+[\w*,\s()@]+\s+from\s", Options)]
    private static partial Regex SqlInjection();

    [GeneratedRegex(@"<\s*script|javascript\s*:|\bon(?:error|load|mouseover|focus|click)\s*=|<\s*(?:img|svg|iframe|body)\b[^>]*>?|\balert\s*\(|document\.cookie", Options)]
    private static partial Regex CrossSiteScripting();

    [GeneratedRegex(@"[;|`]\s*(?:cat|ls|id|whoami|uname|wget|curl|nc|netcat|bash|sh|rm|ping|echo)(?=\s|$|[;|&$<>`'""])|\$\([^)]*\)|&&\s*(?:cat|ls|id|whoami|uname|wget|curl)\b|cmd\.exe|/bin/(?:ba)?sh\b|powershell", Options)]
    private static partial Regex CommandInjection();

    [GeneratedRegex(@"/etc/(?:passwd|shadow|hosts)|/proc/self|win\.ini|boot\.ini|/\.env\b|/\.git/|\.ht(?:access|passwd)|/wp-(?:admin|login|config)|phpmyadmin|\.(?:bak|sql|old|swp)$|/shell\.php|web\.config|server-status|/cgi-bin/(?:test-cgi|printenv|php[0-9]?(?:\.cgi)?|bash|sh|test\.cgi)\b|\.ds_store|id_rsa|/config\.php", Options)]
    private static partial Regex SensitiveFile();

    /// <summary>
    /// A cheap pre-check: every pattern above needs at least one of these words or characters, and most URIs
    /// contain none of them, so the regular expressions run only on the few that do.
    /// </summary>
    private static readonly System.Buffers.SearchValues<string> Triggers = System.Buffers.SearchValues.Create(
        ["..", "union", "select", "'", "or ", "or\t", "drop", "sleep", "benchmark", "information_schema", "waitfor", "xp_cmd",
         "<", "javascript", "alert", "document.", "onerror", "onload", "onmouseover", "onfocus", "onclick",
         ";", "|", "`", "$(", "&&", "cmd.exe", "/bin/", "powershell",
         "/etc/", "/proc/", ".ini", ".env", ".git", ".ht", "wp-", "phpmyadmin", ".bak", ".sql", ".old", ".swp", "shell.php",
         "web.config", "server-status", "cgi-bin", "ds_store", "id_rsa", "config.php"],
        StringComparison.OrdinalIgnoreCase);
}

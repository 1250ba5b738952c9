using System.Text;
using System.Text.RegularExpressions;

namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// A line-log header written in loghub's notation (<c>&lt;Date&gt; &lt;Time&gt; &lt;Level&gt; &lt;Component&gt;: &lt;Content&gt;</c>),
/// compiled once to a regular expression. A field is a name in angle brackets; other text is literal, a backslash escapes
/// the next character (<c>\[</c>), any run of whitespace matches any run, and <c>( … )?</c> is optional, so loghub's own
/// format strings read as they are. The field's name says what it holds: Date, Time, Month, Day, Year and Timestamp
/// make the timestamp together; Level; Component (or Logger, Program, Module, Tag); Pid; Thread (or Tid); Host (or Node);
/// Client; Content (or Message) is the message; other names are read and dropped.
/// </summary>
public sealed class LogFormatPattern
{
    // Lazy fields can backtrack on a hostile line: past this the line is matched again by the linear-time engine,
    // which gives the same match but is several times slower on ordinary lines, so it is only the fallback.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private static readonly Dictionary<string, LogField> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Date"] = LogField.Time, ["Time"] = LogField.Time, ["Month"] = LogField.Time, ["Day"] = LogField.Time,
        ["Year"] = LogField.Time, ["Timestamp"] = LogField.Time, ["Datetime"] = LogField.Time,
        ["Level"] = LogField.Level, ["Severity"] = LogField.Level, ["Loglevel"] = LogField.Level,
        ["Component"] = LogField.Component, ["Logger"] = LogField.Component, ["Program"] = LogField.Component,
        ["Module"] = LogField.Component, ["Tag"] = LogField.Component, ["Source"] = LogField.Component,
        ["Process"] = LogField.Process, ["Pid"] = LogField.Pid, ["Thread"] = LogField.Thread, ["Tid"] = LogField.Thread,
        ["Host"] = LogField.Host, ["Hostname"] = LogField.Host, ["Node"] = LogField.Host,
        ["Client"] = LogField.Client, ["Content"] = LogField.Content, ["Message"] = LogField.Content,
    };

    // Detection tries every layout on 20 lines, so compiling them all would cost more than it saves (some 20 ms a
    // layout at start-up); a layout compiles once it has read enough lines to be the one reading a file.
    private const int InterpretedUses = 256;

    private readonly Regex _interpreted;
    private readonly Lazy<Regex> _compiled;
    private readonly Lazy<Regex> _linear;
    private int _uses;
    private readonly LogField[] _fields;
    private readonly bool _strict;
    private readonly HeaderMatcher? _matcher;

    private LogFormatPattern(string format, string pattern, LogField[] fields, bool strict)
    {
        Format = format;
        Expression = pattern;
        _interpreted = new Regex(pattern, Options, MatchTimeout);
        _compiled = new Lazy<Regex>(() => new Regex(pattern, Options | RegexOptions.Compiled, MatchTimeout));
        _linear = new Lazy<Regex>(() => new Regex(pattern, Options | RegexOptions.NonBacktracking));
        _fields = fields;
        _strict = strict;
        _matcher = HeaderMatcher.TryCreate(pattern) is { } matcher && matcher.Groups == fields.Length ? matcher : null;
    }

    /// <summary>The notation the pattern was compiled from.</summary>
    public string Format { get; }

    /// <summary>The regular expression the notation compiles to (fields are the groups f0, f1, … in order).</summary>
    internal string Expression { get; }

    /// <summary>Whether lines are matched by a <see cref="HeaderMatcher"/> rather than the regex engine.</summary>
    internal bool HasMatcher => _matcher is not null;

    /// <summary>
    /// Compiles a user's format. Its fields take what loghub's take (the shortest text up to the literal after them,
    /// a word before a space) and their values are not checked: the user said what the lines hold.
    /// </summary>
    /// <exception cref="InvalidInputException">The notation is malformed or has no &lt;Content&gt; field; the message says where.</exception>
    public static LogFormatPattern Parse(string format) => Compile(format, null, strict: false);

    /// <summary>
    /// A built-in layout: <paramref name="patterns"/> may give fields a tighter regular expression than the default, and
    /// a line matches only when its timestamp parses, its level is a level and its pid a number, so layouts that look
    /// alike can be told apart on a sample.
    /// </summary>
    internal static LogFormatPattern Builtin(string format, IReadOnlyDictionary<string, string>? patterns = null) =>
        Compile(format, patterns, strict: true);

    /// <summary>Reads one line; false when the line does not have this header.</summary>
    public bool TryParse(string line, out LineLogHeader header) => TryParse(line, out header, null);

    /// <summary>Reads one line, its short fields' strings from <paramref name="strings"/> when given (one reader's lines).</summary>
    internal bool TryParse(string line, out LineLogHeader header, TokenStrings? strings)
    {
        header = null!;
        Span<int> captures = stackalloc int[_fields.Length * 2];
        if ((_matcher?.Match(line, captures) ?? RegexMatch(line, captures)) is not true)
        {
            return false;
        }

        var fields = new HeaderFields(strings);
        Span<char> time = stackalloc char[MaxTimestampLength];
        var timeLength = 0; // the time fields read as one text in the format's order ("Jun 14 15:16:01"): no field alone says which is which
        var timeParts = 0;
        for (var i = 0; i < _fields.Length; i++)
        {
            var (start, end) = (captures[2 * i], captures[(2 * i) + 1]);
            if (start < 0 || _fields[i] == LogField.Ignored)
            {
                continue;
            }

            if (_fields[i] == LogField.Time)
            {
                timeParts++;
                timeLength = AppendTime(time, timeLength, line.AsSpan(start, end - start));
            }
            else if (!fields.Take(_fields[i], line, start, end - start, _strict))
            {
                return false;
            }
        }

        DateTimeOffset? timestamp = null;
        var yearMissing = false;
        if (timeParts > 0)
        {
            if (timeLength >= 0 && LineLogTimestamp.TryParse(time[..timeLength], out var parsed, out yearMissing))
            {
                timestamp = parsed;
            }
            else if (_strict)
            {
                return false;
            }
        }

        header = fields.ToHeader(timestamp, yearMissing);
        return true;
    }

    // The regex engine's match, as the matcher gives it: each field's start and end, −1 when it took no part.
    private bool RegexMatch(string line, Span<int> captures)
    {
        Match match;
        try
        {
            var regex = _uses > InterpretedUses || Interlocked.Increment(ref _uses) > InterpretedUses ? _compiled.Value : _interpreted;
            match = regex.Match(line);
        }
        catch (RegexMatchTimeoutException)
        {
            match = _linear.Value.Match(line); // a pathological line, or a pause of the whole process: never a stalled upload, never a lost line
        }

        for (var i = 0; i < _fields.Length; i++)
        {
            var group = match.Groups[i + 1];
            (captures[2 * i], captures[(2 * i) + 1]) = group.Success ? (group.Index, group.Index + group.Length) : (-1, -1);
        }

        return match.Success;
    }

    private const int MaxTimestampLength = 128;

    // Appends one time field after a space; −1 once the text is longer than any timestamp (and stays so).
    private static int AppendTime(Span<char> text, int length, ReadOnlySpan<char> part)
    {
        if (length < 0 || length + part.Length + 1 > text.Length)
        {
            return -1;
        }

        if (length > 0)
        {
            text[length++] = ' ';
        }

        part.CopyTo(text[length..]);
        return length + part.Length;
    }

    public override string ToString() => Format;

    private static LogFormatPattern Compile(string format, IReadOnlyDictionary<string, string>? patterns, bool strict)
    {
        ArgumentNullException.ThrowIfNull(format);
        var text = format.Trim();
        if (text.Length == 0)
        {
            throw new InvalidInputException("The log format is empty: write the header's fields in angle brackets, e.g. '<Date> <Time> <Level> <Component>: <Content>'.");
        }

        var parts = new List<Part>();
        Tokenize(text, 0, text.Length, parts);
        var names = parts.Where(p => p.Kind == PartKind.Field).Select(p => p.Text).ToList();
        var repeated = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new InvalidInputException($"The log format names the field <{repeated.Key}> twice: give each field one place.");
        }

        var contents = names.Count(n => Roles.GetValueOrDefault(n) == LogField.Content);
        if (contents != 1)
        {
            throw new InvalidInputException(
                contents == 0
                    ? $"The log format '{text}' has no <Content> field: name the message with <Content>, e.g. '<Date> <Time> <Level> <Content>'."
                    : "The log format has both <Content> and <Message>: name the message once.");
        }

        var pattern = new StringBuilder("^");
        var fields = new List<LogField>();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            switch (part.Kind)
            {
                case PartKind.Space:
                    pattern.Append(@"\s+");
                    break;
                case PartKind.Literal:
                    pattern.Append(Regex.Escape(part.Text));
                    break;
                case PartKind.OptionalStart:
                    pattern.Append("(?:");
                    break;
                case PartKind.OptionalEnd:
                    pattern.Append(")?");
                    break;
                default:
                    var role = Roles.GetValueOrDefault(part.Text, LogField.Ignored);
                    var value = patterns is not null && patterns.TryGetValue(part.Text, out var given) ? given : DefaultPattern(parts, i, role, strict);
                    pattern.Append("(?<f").Append(fields.Count).Append('>').Append(value).Append(')');
                    fields.Add(role);
                    break;
            }
        }

        pattern.Append('$');
        return new LogFormatPattern(text, pattern.ToString(), [.. fields], strict);
    }

    // loghub's fields are lazy (.*?); a field before a space is one word, which is what loghub's lazy match finds there
    // too, and the message at the end takes the rest. A built-in layout's level is a word and its pid a number.
    private static string DefaultPattern(List<Part> parts, int index, LogField role, bool strict)
    {
        if (strict && role is LogField.Level or LogField.Pid)
        {
            return role == LogField.Level ? "[A-Za-z]+" : @"\d+";
        }

        var next = parts.Skip(index + 1).FirstOrDefault(p => p.Kind is not PartKind.OptionalStart and not PartKind.OptionalEnd);
        return next?.Kind switch
        {
            null => ".*",
            PartKind.Space => role == LogField.Content ? ".*?" : @"\S+",
            _ => ".*?",
        };
    }

    private static void Tokenize(string text, int start, int end, List<Part> parts)
    {
        var literal = new StringBuilder();
        void FlushLiteral()
        {
            if (literal.Length > 0)
            {
                parts.Add(new Part(PartKind.Literal, literal.ToString()));
                literal.Clear();
            }
        }

        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                FlushLiteral();
                while (i < end && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                parts.Add(new Part(PartKind.Space, " "));
                continue;
            }

            if (c == '\\')
            {
                if (i + 1 >= end)
                {
                    throw new InvalidInputException($"The log format '{text}' ends in a lone '\\': a backslash escapes the character after it, e.g. '\\['.");
                }

                literal.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c == '<')
            {
                var close = text.IndexOf('>', i + 1);
                var name = close < 0 || close >= end ? null : text[(i + 1)..close];
                if (name is null || name.Length == 0 || !char.IsAsciiLetter(name[0]) || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                {
                    throw new InvalidInputException(
                        $"The log format '{text}' has a '<' at position {i + 1} that opens no field: a field is a name of letters, digits and '_' in angle brackets, e.g. <Date>; write a literal '<' as '\\<'.");
                }

                FlushLiteral();
                parts.Add(new Part(PartKind.Field, name));
                i = close + 1;
                continue;
            }

            if (c == '(' && OptionalEnd(text, i, end) is { } groupEnd)
            {
                FlushLiteral();
                parts.Add(new Part(PartKind.OptionalStart, "("));
                Tokenize(text, i + 1, groupEnd, parts);
                parts.Add(new Part(PartKind.OptionalEnd, ")?"));
                i = groupEnd + 2;
                continue;
            }

            literal.Append(c);
            i++;
        }

        FlushLiteral();
    }

    // The index of the ')' closing the '(' at open when a '?' follows it (an optional part); null for a literal '('.
    private static int? OptionalEnd(string text, int open, int end)
    {
        var depth = 0;
        for (var i = open; i < end; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')' && --depth == 0)
            {
                return i + 1 < end && text[i + 1] == '?' ? i : null;
            }
        }

        return null;
    }

    private enum PartKind
    {
        Literal,
        Space,
        Field,
        OptionalStart,
        OptionalEnd,
    }

    private sealed record Part(PartKind Kind, string Text);
}

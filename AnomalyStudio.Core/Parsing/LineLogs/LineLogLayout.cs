namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// One named way a line-log line starts (HDFS, Android logcat, RFC 5424 syslog, …) and how to read it: a
/// <see cref="LogFormatPattern"/> in loghub's notation, or for the few headers a pattern cannot say (syslog's PRI, Apache's
/// optional brackets) the code of a <see cref="LineLogShape"/>.
/// </summary>
public sealed class LineLogLayout
{
    private readonly LogFormatPattern? _pattern;
    private readonly LineLogShape? _shape;

    private LineLogLayout(string name, string description, string example, LogFormatPattern? pattern, LineLogShape? shape)
    {
        Name = name;
        Description = description;
        Example = example;
        _pattern = pattern;
        _shape = shape;
    }

    /// <summary>The layout's short name in reports and the API (<c>hdfs</c>, <c>logcat</c>, <c>custom</c>).</summary>
    public string Name { get; }

    /// <summary>What the header is called in notes and messages ("HDFS header").</summary>
    public string Description { get; }

    /// <summary>A line with this header, for documentation and tests.</summary>
    public string Example { get; }

    /// <summary>The header in loghub's notation; null for a layout read by code.</summary>
    public string? Format => _pattern?.Format;

    /// <summary>The compiled format; null for a layout read by code.</summary>
    internal LogFormatPattern? Pattern => _pattern;

    /// <summary>The shape whose code reads this layout; null for a pattern.</summary>
    public LineLogShape? Shape => _shape;

    /// <summary>A layout given as a format string (<c>--log-format</c>).</summary>
    /// <exception cref="InvalidInputException">The format is malformed; the message names the problem.</exception>
    public static LineLogLayout FromFormat(string format)
    {
        var pattern = LogFormatPattern.Parse(format);
        return new LineLogLayout("custom", $"header '{pattern.Format}'", string.Empty, pattern, null);
    }

    internal static LineLogLayout Of(string name, string description, string format, string example, IReadOnlyDictionary<string, string>? patterns = null) =>
        new(name, description, example, LogFormatPattern.Builtin(format, patterns), null);

    internal static LineLogLayout Of(string name, LineLogShape shape, string example) =>
        new(name, LineLogHeaderParser.Describe(shape), example, null, shape);

    public bool TryParse(string line, out LineLogHeader header) => TryParse(line, out header, null);

    /// <summary>Reads one line; a pattern takes its short fields' strings from <paramref name="strings"/> when given.</summary>
    internal bool TryParse(string line, out LineLogHeader header, TokenStrings? strings) =>
        _pattern is not null ? _pattern.TryParse(line, out header, strings) : LineLogHeaderParser.TryParse(_shape!.Value, line, out header);

    public override string ToString() => Name;
}

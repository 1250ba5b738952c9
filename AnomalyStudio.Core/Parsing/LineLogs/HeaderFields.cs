namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// The values a <see cref="LogFormatPattern"/> match gives, gathered field by field into a <see cref="LineLogHeader"/>
/// (the time fields are read together by the pattern).
/// </summary>
internal struct HeaderFields
{
    private string? _level, _component, _process, _pid, _thread, _host, _client, _message;

    /// <summary>
    /// Where the short fields' strings come from: a log repeats its levels, pids, components and hosts on most lines, so
    /// a reader that lends its strings costs a lookup a field instead of a string; without one, each field is its own.
    /// </summary>
    private readonly TokenStrings? _strings;

    public HeaderFields(TokenStrings? strings) => _strings = strings;

    /// <summary>
    /// Keeps one field's value, the <paramref name="length"/> characters of <paramref name="line"/> from
    /// <paramref name="start"/>; false when a strict layout finds it is not what the field holds (a level that is no
    /// level, a pid that is no number).
    /// </summary>
    public bool Take(LogField field, string line, int start, int length, bool strict)
    {
        var value = line.AsSpan(start, length);
        if (field != LogField.Content)
        {
            value = value.Trim();
        }

        switch (field)
        {
            case LogField.Level:
                _level = Text(value);
                return !strict || LogLevels.IsLevel(_level);
            case LogField.Pid:
                _pid = Text(value);
                return !strict || (_pid.Length > 0 && _pid.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0);
            case LogField.Component:
                _component = Text(value);
                return true;
            case LogField.Process:
                _process = Text(value);
                return true;
            case LogField.Thread:
                _thread = Text(value);
                return true;
            case LogField.Host:
                _host = Text(value);
                return true;
            case LogField.Client:
                _client = Text(value);
                return true;
            case LogField.Content:
                _message = line.Substring(start, length);
                return true;
            default:
                return true;
        }
    }

    public readonly LineLogHeader ToHeader(DateTimeOffset? timestamp, bool yearMissing) => new()
    {
        Timestamp = timestamp,
        YearMissing = yearMissing && timestamp is not null,
        Level = Value(_level),
        Component = Value(_component),
        Process = Value(_process),
        Pid = Value(_pid),
        Thread = Value(_thread),
        Host = Value(_host),
        Client = Value(_client),
        Message = _message ?? string.Empty,
    };

    private readonly string Text(ReadOnlySpan<char> value) => _strings?.Get(value) ?? value.ToString();

    // loghub's samples write "-" for a field the line leaves out.
    private static string? Value(string? value) => string.IsNullOrEmpty(value) || value == "-" ? null : value;
}

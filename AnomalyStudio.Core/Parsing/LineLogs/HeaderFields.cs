namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// The values a <see cref="LogFormatPattern"/> match gives, gathered field by field into a <see cref="LineLogHeader"/>
/// (the time fields are read together by the pattern).
/// </summary>
internal struct HeaderFields
{
    private string? _level, _component, _process, _pid, _thread, _host, _client, _message;

    /// <summary>
    /// Keeps one field's value, the <paramref name="length"/> characters of <paramref name="line"/> from
    /// <paramref name="start"/>; false when a strict layout finds it is not what the field holds (a level that is no
    /// level, a pid that is no number).
    /// </summary>
    public bool Take(LogField field, string line, int start, int length, bool strict)
    {
        var value = line.AsSpan(start, length);
        switch (field)
        {
            case LogField.Level:
                _level = value.Trim().ToString();
                return !strict || LogLevels.IsLevel(_level);
            case LogField.Pid:
                _pid = value.Trim().ToString();
                return !strict || (_pid.Length > 0 && _pid.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0);
            case LogField.Component:
                _component = value.Trim().ToString();
                return true;
            case LogField.Process:
                _process = value.Trim().ToString();
                return true;
            case LogField.Thread:
                _thread = value.Trim().ToString();
                return true;
            case LogField.Host:
                _host = value.Trim().ToString();
                return true;
            case LogField.Client:
                _client = value.Trim().ToString();
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

    // loghub's samples write "-" for a field the line leaves out.
    private static string? Value(string? value) => string.IsNullOrEmpty(value) || value == "-" ? null : value;
}

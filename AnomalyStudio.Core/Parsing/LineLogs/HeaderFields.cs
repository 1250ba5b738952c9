using System.Text.RegularExpressions;

namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>The values a <see cref="LogFormatPattern"/> match gives, gathered field by field into a <see cref="LineLogHeader"/>.</summary>
internal sealed class HeaderFields
{
    private string? _level, _component, _process, _pid, _thread, _host, _client, _message;

    /// <summary>The parts of the timestamp, in the format's order.</summary>
    public List<Group> Time { get; } = new(4);

    /// <summary>Keeps one field's value; false when a strict layout finds it is not what the field holds (a level that is no level, a pid that is no number).</summary>
    public bool Take(LogField field, Group group, bool strict)
    {
        switch (field)
        {
            case LogField.Time:
                Time.Add(group);
                return true;
            case LogField.Level:
                _level = group.Value.Trim();
                return !strict || LogLevels.IsLevel(_level);
            case LogField.Pid:
                _pid = group.Value.Trim();
                return !strict || (_pid.Length > 0 && _pid.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0);
            case LogField.Component:
                _component = group.Value.Trim();
                return true;
            case LogField.Process:
                _process = group.Value.Trim();
                return true;
            case LogField.Thread:
                _thread = group.Value.Trim();
                return true;
            case LogField.Host:
                _host = group.Value.Trim();
                return true;
            case LogField.Client:
                _client = group.Value.Trim();
                return true;
            case LogField.Content:
                _message = group.Value;
                return true;
            default:
                return true;
        }
    }

    public LineLogHeader ToHeader(DateTimeOffset? timestamp, bool yearMissing) => new()
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

using System.Globalization;

namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// The columns of a line-log table and their preset roles. The header fields a shape can give (host, pid, thread, …)
/// become columns only when some record of the typing sample has them, so an Apache 2.2 error log gets no empty pid
/// column; a field first seen after the sample is not read. The typed parameters of the messages
/// (<see cref="MessageParameters"/>: ip, user, host, block, instance, request, path) become identifier columns when at
/// least one in a hundred of the sample's messages has them, so they can name entities.
/// </summary>
internal sealed class LineLogColumns
{
    public const string TemplateColumn = "template";

    /// <summary>The column of each line's message, whose templates the reader mines.</summary>
    public const string MessageColumn = "message";

    private static readonly (string Name, ColumnRole Role, Func<LineLogHeader, string?> Value)[] HeaderFields =
    [
        (TimestampField, ColumnRole.Timestamp, h => Format(h.Timestamp)),
        ("level", ColumnRole.Level, h => h.Level),
        ("host", ColumnRole.Categorical, h => h.Host),
        ("process", ColumnRole.Categorical, h => h.Process),
        ("pid", ColumnRole.Identifier, h => h.Pid), // a PID names a process, it measures nothing
        ("client", ColumnRole.Identifier, h => h.Client),
        ("thread", ColumnRole.Categorical, h => h.Thread),
        ("component", ColumnRole.Categorical, h => h.Component),
    ];

    private readonly (string Name, ColumnRole Role, Func<LineLogHeader, string?> Value)[] _fields;

    private const string TimestampField = "timestamp";

    private readonly string[] _parameters;

    // Lines of one second (or millisecond) follow each other: the time is formatted once for all of them.
    private DateTimeOffset? _lastTimestamp;
    private string? _lastTimestampText;

    public LineLogColumns(IReadOnlyList<LineLogRecord> sample)
    {
        _fields = HeaderFields.Where(f => sample.Any(r => !string.IsNullOrEmpty(f.Value(r.Header)))).ToArray();
        var needed = Math.Max(2, sample.Count / 100);
        _parameters = MessageParameters.Kinds
            .Where(kind => _fields.All(f => f.Name != kind) && sample.Count(r => MessageParameters.Of(kind, r.Message) is not null) >= needed)
            .ToArray();
        Names = [.. _fields.Select(f => f.Name), "template_id", TemplateColumn, MessageColumn, .. _parameters];
        Presets = _fields.Select(f => (f.Name, f.Role))
            .Append(("template_id", ColumnRole.Categorical))
            .Append((TemplateColumn, ColumnRole.Categorical))
            .Append((MessageColumn, ColumnRole.Text))
            .Concat(_parameters.Select(kind => (kind, ColumnRole.Identifier)))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
    }

    /// <summary>The message parameter kinds that are columns, in <see cref="MessageParameters.Kinds"/> order.</summary>
    public IReadOnlyList<string> Parameters => _parameters;

    public string[] Names { get; }

    public IReadOnlyDictionary<string, ColumnRole> Presets { get; }

    public int TemplateIdIndex => _fields.Length;

    private static string? Format(DateTimeOffset? timestamp) => timestamp?.ToString("o", CultureInfo.InvariantCulture);

    private string? Timestamp(DateTimeOffset? timestamp)
    {
        // EqualsExact: the same instant in another offset is written differently.
        if (timestamp is not { } time || _lastTimestamp is not { } last || !time.EqualsExact(last) || _lastTimestampText is null)
        {
            (_lastTimestamp, _lastTimestampText) = (timestamp, Format(timestamp));
        }

        return _lastTimestampText;
    }

    public int TemplateIndex => _fields.Length + 1;

    public string[] Cells(LineLogRecord record)
    {
        var cells = new string[Names.Length];
        Fill(record, cells);
        return cells;
    }

    /// <summary>Writes the record's cells into <paramref name="cells"/>, one per <see cref="Names"/>.</summary>
    public void Fill(LineLogRecord record, string[] cells)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            cells[i] = (ReferenceEquals(_fields[i].Name, TimestampField) ? Timestamp(record.Header.Timestamp) : _fields[i].Value(record.Header)) ?? string.Empty;
        }

        // The template's id and text are written once every line is mined (a template generalises as later lines come),
        // so the cells hold nothing until then.
        cells[_fields.Length] = string.Empty;
        cells[_fields.Length + 1] = string.Empty;
        cells[_fields.Length + 2] = record.Message;
        for (var k = 0; k < _parameters.Length; k++)
        {
            cells[_fields.Length + 3 + k] = MessageParameters.Of(_parameters[k], record.Message) ?? string.Empty;
        }
    }
}

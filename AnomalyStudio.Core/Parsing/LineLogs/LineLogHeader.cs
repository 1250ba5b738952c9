namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>The fields one header line of a line log gives; null where its shape has no such field or the line leaves it out.</summary>
public sealed record LineLogHeader
{
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The line gives month and day but no year (BSD syslog): the reader supplies one.</summary>
    public bool YearMissing { get; init; }

    public string? Level { get; init; }

    public string? Host { get; init; }

    public string? Process { get; init; }

    public string? Pid { get; init; }

    public string? Client { get; init; }

    public string? Thread { get; init; }

    /// <summary>The logger or module (<c>com.foo.Bar</c>, an RFC 5424 MSGID).</summary>
    public string? Component { get; init; }

    public required string Message { get; init; }
}

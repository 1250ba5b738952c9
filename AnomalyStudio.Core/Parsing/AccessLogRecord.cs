namespace AnomalyStudio.Core.Parsing;

/// <summary>One request from an Apache/Nginx access log (combined or common log format).</summary>
public sealed class AccessLogRecord
{
    /// <summary>1-based line of the record in the file.</summary>
    public required long Line { get; init; }

    public required string Ip { get; init; }

    public required string Ident { get; init; }

    public required string User { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required string Method { get; init; }

    /// <summary>Request target as logged (still percent-encoded).</summary>
    public required string Uri { get; init; }

    public required string Protocol { get; init; }

    public required int Status { get; init; }

    /// <summary>Response size in bytes; <c>-</c> in the log is 0.</summary>
    public required long Bytes { get; init; }

    /// <summary>Referrer, or null when the line is in common log format (no referrer field).</summary>
    public string? Referrer { get; init; }

    /// <summary>User agent, or null when the line is in common log format (no user-agent field).</summary>
    public string? UserAgent { get; init; }
}

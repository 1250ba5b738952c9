namespace AnomalyStudio.Core.Parsing;

/// <summary>The kinds of file the pipeline reads.</summary>
public enum InputFormat
{
    /// <summary>Apache/Nginx access log, combined or common log format.</summary>
    Apache,

    /// <summary>Delimited text with a header row.</summary>
    Csv,

    /// <summary>One JSON object per line (JSON lines, NDJSON), read as a table of its flattened keys.</summary>
    JsonLines,

    /// <summary>A plain line log (Apache error log, syslog, application log): a header per line and a free-text message, whose templates are mined.</summary>
    LineLog,
}

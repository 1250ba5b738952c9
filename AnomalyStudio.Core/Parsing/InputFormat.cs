namespace AnomalyStudio.Core.Parsing;

/// <summary>The kinds of file the pipeline reads.</summary>
public enum InputFormat
{
    /// <summary>Apache/Nginx access log, combined or common log format.</summary>
    Apache,

    /// <summary>Delimited text with a header row.</summary>
    Csv,
}

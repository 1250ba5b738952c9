namespace AnomalyStudio.Core.Parsing;

/// <summary>What a table column (CSV, JSON lines or a mined line log) is used for.</summary>
public enum ColumnRole
{
    /// <summary>A measurement: its value's distance from typical is a feature.</summary>
    Numeric,

    /// <summary>A value from a small set (method, service, template id): its rarity is a feature.</summary>
    Categorical,

    Timestamp,

    /// <summary>Names the record (IP, host, user); numeric identifiers (PID, port, line number) are not measurements.</summary>
    Identifier,

    /// <summary>Ground truth (1/anomaly vs 0/normal): excluded from features, used for evaluation.</summary>
    Label,

    /// <summary>A column that repeats the label (an attack type beside it, <see cref="LabelLeaks"/>): excluded from features.</summary>
    LabelDerived,

    /// <summary>A numeric row counter (unique, increasing integers): not a feature.</summary>
    RowCounter,

    /// <summary>A log level or severity, ordered by <see cref="LogLevels.Rank"/> (INFO &lt; WARN &lt; ERROR &lt; FATAL).</summary>
    Level,

    /// <summary>Free text (URL, request body, user agent, log message): its content, not its exact value, is a feature.</summary>
    Text,
}

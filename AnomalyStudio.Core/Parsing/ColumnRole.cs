namespace AnomalyStudio.Core.Parsing;

/// <summary>What a CSV column is used for.</summary>
public enum ColumnRole
{
    Numeric,
    Categorical,
    Timestamp,
    Identifier,

    /// <summary>Ground truth (1/anomaly vs 0/normal): excluded from features, used for evaluation.</summary>
    Label,

    /// <summary>A numeric row counter (unique, increasing integers): not a feature.</summary>
    RowCounter,
}

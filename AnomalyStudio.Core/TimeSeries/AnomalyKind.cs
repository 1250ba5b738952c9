namespace AnomalyStudio.Core.TimeSeries;

/// <summary>What an anomalous period looks like.</summary>
public enum AnomalyKind
{
    /// <summary>Briefly above what was expected, then back.</summary>
    Spike,

    /// <summary>Briefly below what was expected, then back.</summary>
    Dip,

    /// <summary>The level moved and stayed.</summary>
    LevelShift,

    /// <summary>The value stopped changing for far longer than it usually does.</summary>
    FlatLine,
}

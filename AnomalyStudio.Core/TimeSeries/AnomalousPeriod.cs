namespace AnomalyStudio.Core.TimeSeries;

/// <summary>A run of anomalous points: where it starts and ends (rows and times), its strongest point, the metric and what it looks like.</summary>
public sealed record AnomalousPeriod(int StartRow, int EndRow, int PeakRow, DateTimeOffset Start, DateTimeOffset End, string Metric, AnomalyKind Kind, double PeakDistance, int Points)
{
    public string KindName => Kind switch
    {
        AnomalyKind.Spike => "spike",
        AnomalyKind.Dip => "dip",
        AnomalyKind.LevelShift => "level shift",
        _ => "flat line",
    };
}

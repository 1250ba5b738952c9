namespace AnomalyStudio.Core.Scoring;

/// <summary>How many records fell in each severity band.</summary>
public sealed record SeverityCounts(int Critical, int High, int Medium, int Low, int Normal)
{
    public static SeverityCounts Of(IEnumerable<Severity> severities)
    {
        var counts = new int[5];
        foreach (var severity in severities)
        {
            counts[(int)severity]++;
        }

        return new SeverityCounts(
            counts[(int)Severity.Critical], counts[(int)Severity.High], counts[(int)Severity.Medium], counts[(int)Severity.Low], counts[(int)Severity.Normal]);
    }

    public int this[Severity severity] => severity switch
    {
        Severity.Critical => Critical,
        Severity.High => High,
        Severity.Medium => Medium,
        Severity.Low => Low,
        _ => Normal,
    };

    public int Anomalies => Critical + High + Medium + Low;
}

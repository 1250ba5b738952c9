namespace AnomalyStudio.Core.Entities;

/// <summary>The typical entity of a file (medians), which an entity's explanation compares it with.</summary>
public sealed record EntityPopulation(double Records, double DistinctTargets, double PeakPerMinute, double Bytes)
{
    public static EntityPopulation Of(IReadOnlyList<EntityProfile> profiles) => new(
        Median(profiles.Select(p => (double)p.Records)),
        Median(profiles.Select(p => (double)p.DistinctTargets)),
        Median(profiles.Select(p => (double)p.PeakPerMinute)),
        Median(profiles.Select(p => (double)p.Bytes)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        Array.Sort(sorted);
        return MathNet.Numerics.Statistics.SortedArrayStatistics.Median(sorted);
    }
}

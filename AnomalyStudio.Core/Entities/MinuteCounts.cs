namespace AnomalyStudio.Core.Entities;

/// <summary>How many distinct minutes a set of timestamps touches, and the most records in one of them.</summary>
internal static class MinuteCounts
{
    /// <param name="minutes">Minute numbers of the records (UTC ticks / ticks per minute); sorted in place.</param>
    public static (int Active, int Peak) Of(Span<long> minutes)
    {
        if (minutes.IsEmpty)
        {
            return (0, 0);
        }

        minutes.Sort();
        int active = 1, peak = 1, run = 1;
        for (var i = 1; i < minutes.Length; i++)
        {
            if (minutes[i] == minutes[i - 1])
            {
                run++;
            }
            else
            {
                active++;
                run = 1;
            }

            peak = Math.Max(peak, run);
        }

        return (active, peak);
    }
}

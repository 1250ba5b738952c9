namespace AnomalyStudio.Core.Entities;

/// <summary>The most frequent of an entity's targets or statuses, chosen the same way by every profiler.</summary>
internal static class TopCount
{
    /// <summary>The most frequent key; ties go to the smaller key, so the choice does not depend on hashing order.</summary>
    public static (int Key, int Count) Of(Dictionary<int, int> counts)
    {
        var best = (Key: int.MaxValue, Count: 0);
        foreach (var (key, count) in counts)
        {
            if (count > best.Count || (count == best.Count && key < best.Key))
            {
                best = (key, count);
            }
        }

        return best;
    }
}

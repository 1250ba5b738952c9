namespace AnomalyStudio.Core.Detection;

/// <summary>Draws rows without replacement, reproducibly.</summary>
public static class RowSampler
{
    /// <summary>Floyd's algorithm: k distinct indices out of n in O(k), sorted so callers see them in a fixed order.</summary>
    public static int[] DrawWithoutReplacement(int n, int k, Random random)
    {
        if (k >= n)
        {
            return Enumerable.Range(0, n).ToArray();
        }

        var chosen = new HashSet<int>(k);
        for (var j = n - k; j < n; j++)
        {
            var t = random.Next(0, j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }

        var rows = chosen.ToArray();
        Array.Sort(rows);
        return rows;
    }
}

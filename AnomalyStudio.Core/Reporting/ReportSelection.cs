using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.Core.Reporting;

/// <summary>Which records a report lists.</summary>
public static class ReportSelection
{
    /// <summary>
    /// Indices of all records in file order, or with a limit those of the <paramref name="limit"/> highest
    /// scores, highest first (ties in file order).
    /// </summary>
    public static IReadOnlyList<int> Select(ScoredRecords records, int? limit)
    {
        if (limit is not { } n)
        {
            return new RangeList(records.Count);
        }

        var scores = records.Scores;
        return Enumerable.Range(0, records.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(Math.Max(0, n)).ToArray();
    }

    private sealed class RangeList(int count) : IReadOnlyList<int>
    {
        public int this[int index] => index;

        public int Count => count;

        public IEnumerator<int> GetEnumerator() => Enumerable.Range(0, count).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

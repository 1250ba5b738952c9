using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.Core.Reporting;

/// <summary>Which records a report lists.</summary>
public static class ReportSelection
{
    /// <summary>All records in file order, or with a limit the <paramref name="limit"/> highest scores, highest first (ties in file order).</summary>
    public static IEnumerable<ScoredRecord> Select(IReadOnlyList<ScoredRecord> records, int? limit) =>
        limit is { } n
            ? records.OrderByDescending(r => r.Score).ThenBy(r => r.Index).Take(Math.Max(0, n))
            : records;
}

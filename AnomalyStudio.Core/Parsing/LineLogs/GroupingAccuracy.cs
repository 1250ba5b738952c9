namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// How well mined templates group lines, against ground-truth event ids: grouping accuracy (Zhu et al., "Tools and
/// Benchmarks for Automated Log Parsing", ICSE-SEIP 2019), the share of lines whose mined group holds exactly the same
/// lines as their true group. A true group split in two or merged with another counts all of its lines wrong.
/// </summary>
public static class GroupingAccuracy
{
    /// <param name="truth">The true event id of each line.</param>
    /// <param name="mined">The mined group of each line; null where the line got none (it was not read as a record), which counts it wrong.</param>
    public static double Of(IReadOnlyList<string> truth, IReadOnlyList<string?> mined)
    {
        if (truth.Count != mined.Count)
        {
            throw new ArgumentException($"{truth.Count} true ids but {mined.Count} mined ones.", nameof(mined));
        }

        if (truth.Count == 0)
        {
            return 0;
        }

        var minedSizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in mined)
        {
            if (group is not null)
            {
                minedSizes[group] = minedSizes.GetValueOrDefault(group) + 1;
            }
        }

        var correct = 0;
        foreach (var lines in Enumerable.Range(0, truth.Count).GroupBy(i => truth[i], StringComparer.Ordinal))
        {
            var first = mined[lines.First()];
            var size = lines.Count();
            if (first is not null && minedSizes[first] == size && lines.All(i => string.Equals(mined[i], first, StringComparison.Ordinal)))
            {
                correct += size;
            }
        }

        return (double)correct / truth.Count;
    }
}

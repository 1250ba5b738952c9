namespace AnomalyStudio.Core.Features;

/// <summary>How often each value of a categorical column occurs, as a share of the rows that have one.</summary>
public sealed class CategoryShares
{
    /// <summary>Values rarer than this count as rare.</summary>
    public const double RareShare = 0.01;

    private readonly Dictionary<string, double> _shares;

    public CategoryShares(string?[] values)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var present = 0;
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            present++;
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        _shares = counts.ToDictionary(kv => kv.Key, kv => (double)kv.Value / Math.Max(1, present), StringComparer.Ordinal);
        Distinct = counts.Count;
        Present = present;
    }

    public int Distinct { get; }

    public int Present { get; }

    /// <summary>
    /// A column where most values are distinct (names, ids, free text) says nothing by its rare values:
    /// every value is rare there.
    /// </summary>
    public bool IsIdentifierLike => Present >= 20 && Distinct > Present / 2;

    public double ShareOf(string value) => _shares.GetValueOrDefault(value);
}

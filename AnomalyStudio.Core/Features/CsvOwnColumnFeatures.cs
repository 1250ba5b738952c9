using System.Runtime.InteropServices;
using AnomalyStudio.Core.Features.Text;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Features;

/// <summary>
/// The features of a CSV table's own columns, for a model fitted on the file (fit mode): its measurements, log levels,
/// distinct categories and text columns, with derived features that echo another left out.
/// </summary>
public static class CsvOwnColumnFeatures
{
    /// <summary>
    /// The file's own columns, for a model fitted on it: each measurement as it is (missing values imputed with the
    /// median), then each log level as its rank (<see cref="LogLevels"/>), each category as its surprisal −ln share
    /// (<see cref="DistinctCategories"/>), and each text column as the surprisal of its shape and, for a URL or form
    /// body, the number of attack-payload tokens it carries (in a log message they are punctuation) (<see cref="TextColumnFeatures"/>).
    /// A text's length, symbol share, percent-encoded bytes and entropy were tried too and left out: on CSIC 2010 they
    /// lowered the forest's ROC-AUC from 0.91 to 0.85, each one a weak, noisy vote among few strong ones. A table of
    /// measurements alone gives exactly its numeric columns, as scikit-learn would be given them. Throws when the table
    /// has nothing to learn from (see <see cref="TryOwn"/>).
    /// </summary>
    public static CsvFeatures Numeric(CsvTable table) =>
        TryOwn(table) ?? throw new InvalidInputException(
            "The CSV file has no column to fit a model on (label, timestamp and identifier columns do not count); use the pretrained mode.");

    /// <summary>The own-column features of <see cref="Numeric"/>, or null when every column is a label, timestamp, identifier or left out.</summary>
    public static CsvFeatures? TryOwn(CsvTable table)
    {
        var (numeric, categorical, counters) = CsvFeatureExtractor.Statistics(table);
        foreach (var length in numeric.Keys.Where(c => IsLengthOf(c, table)).ToList())
        {
            numeric.Remove(length);
        }

        var rows = table.RowCount;
        var columns = new List<(string Name, double[] Values)>();
        foreach (var (column, stats) in numeric)
        {
            var fill = stats.Center; // the median: a missing value is imputed as typical
            columns.Add((column.Name, column.Numbers!.Select(v => double.IsNaN(v) ? fill : v).ToArray()));
        }

        var measurements = columns.Count;
        var levels = table.Columns.Where(c => c.Role == ColumnRole.Level && c.Texts is not null).ToArray();
        columns.AddRange(levels.Select(c => ($"{c.Name} {LevelSuffix}", LevelRanks(c).Select(r => (double)r).ToArray())));
        var categories = DistinctCategories(table, categorical);
        columns.AddRange(categories.Select(c => ($"{c.Column.Name} {RaritySuffix}", c.Surprisal)));
        var texts = table.Columns.Where(c => c.Role == ColumnRole.Text && c.Texts is not null).Select(TextColumnFeatures.Of).ToArray();
        foreach (var text in texts)
        {
            if (text.IsUrlLike)
            {
                columns.Add(($"{text.Name} {PayloadSuffix}", Enumerable.Range(0, rows).Select(r => (double)text.PayloadTokenCount(r)).ToArray()));
            }

            columns.Add(($"{text.Name} {ShapeSuffix}", Enumerable.Range(0, rows).Select(text.ShapeSurprisal).ToArray()));
        }

        columns = WithoutEchoes(columns, measurements);
        if (columns.Count == 0)
        {
            return null;
        }

        var matrix = new FeatureMatrix(columns.Select(c => c.Name).ToArray(), rows);
        for (var c = 0; c < columns.Count; c++)
        {
            var values = columns[c].Values;
            for (var row = 0; row < rows; row++)
            {
                matrix[row, c] = values[row];
            }
        }

        return new CsvFeatures(matrix, FeatureKind.CsvNumeric, table, numeric, categorical)
        {
            Texts = texts,
            Levels = levels,
            Categories = categories.Select(c => c.Column).ToArray(),
            Counters = counters,
        };
    }

    /// <summary>
    /// Whether <see cref="TryOwn"/> finds a column to learn from, given the table's counters as
    /// <see cref="CounterColumns.GrowthColumns"/> gives them. A measurement that is not a text column's length settles
    /// it without computing a feature, since every such measurement is kept; otherwise the features are computed.
    /// </summary>
    public static bool Exist(CsvTable table, IReadOnlyDictionary<CsvColumn, CsvColumn> growth) =>
        table.NumericFeatureColumns.Any(c => !IsLengthOf(growth.GetValueOrDefault(c) ?? c, table)) || TryOwn(table) is not null;

    /// <summary>Derived features ranked almost alike (|Spearman ρ| ≥ this) carry one piece of information.</summary>
    public const double EchoCorrelation = 0.995;

    /// <summary>
    /// Drops each derived feature (after the first <paramref name="measurements"/>, which stay as the file has them) that
    /// ranks the rows almost exactly as an earlier derived feature does: a message's shape rarity beside loghub's
    /// template id, say. Two copies of one signal would give it two votes in every tree.
    /// </summary>
    private static List<(string Name, double[] Values)> WithoutEchoes(List<(string Name, double[] Values)> columns, int measurements)
    {
        var kept = columns.Take(measurements).ToList();
        var ranks = new List<double[]>();
        foreach (var column in columns.Skip(measurements))
        {
            var rank = Ranks(column.Values);
            if (!ranks.Any(r => Math.Abs(Correlation(r, rank)) >= EchoCorrelation))
            {
                kept.Add(column);
                ranks.Add(rank);
            }
        }

        return kept;
    }

    /// <summary>Ranks 1…n, ties given their average rank.</summary>
    /// <remarks>
    /// An unstable sort gives the same ranks as a stable one: equal values share one rank whatever their order, and NaNs
    /// (each its own rank) are moved to the front in their order before the rest is sorted.
    /// </remarks>
    private static double[] Ranks(double[] values) => FewValueRanks(values) ?? SortedRanks(values);

    /// <summary>The most distinct values <see cref="FewValueRanks"/> counts before it leaves the ranks to a sort.</summary>
    private const int FewValues = 4096;

    /// <summary>
    /// The ranks of a column of few distinct values and no NaN (a level, a category's rarity, a shape's share), counted:
    /// a value's tie group starts after the rows of every smaller value, so its average rank follows from the counts,
    /// the same number the sort gives, at a lookup a row instead of a sort of the whole column. Null otherwise.
    /// </summary>
    private static double[]? FewValueRanks(double[] values)
    {
        var counts = new Dictionary<double, int>(); // double equality: 0 and −0 are one value, as the sort's == has them
        foreach (var value in values)
        {
            if (double.IsNaN(value) || (counts.Count == FewValues && !counts.ContainsKey(value)))
            {
                return null;
            }

            CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
        }

        var distinct = counts.Keys.ToArray();
        Array.Sort(distinct);
        var rankOf = new Dictionary<double, double>(distinct.Length);
        var start = 0;
        foreach (var value in distinct)
        {
            var end = start + counts[value] - 1;
            rankOf[value] = ((start + end) / 2.0) + 1;
            start = end + 1;
        }

        var ranks = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            ranks[i] = rankOf[values[i]];
        }

        return ranks;
    }

    private static double[] SortedRanks(double[] values)
    {
        var sorted = (double[])values.Clone();
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        sorted.AsSpan().Sort(order.AsSpan());
        var ranks = new double[values.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && sorted[end + 1] == sorted[start])
            {
                end++;
            }

            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = ((start + end) / 2.0) + 1;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static double Correlation(double[] a, double[] b)
    {
        var r = MathNet.Numerics.Statistics.Correlation.Pearson(a, b);
        return double.IsNaN(r) ? (a.AsSpan().SequenceEqual(b) ? 1 : 0) : r;
    }

    /// <summary>
    /// The categories worth a rarity feature, each with its per-row surprisal −ln share: not identifier-like (every
    /// value rare), not a date or time part (a quiet day is not an anomaly), and not determined by another column
    /// (loghub's EventTemplate by its EventId, a component by the template it logs, a request's content type by its
    /// method): the finer column's rarity already says it, and one piece of information gets one vote, not two.
    /// </summary>
    private static List<(CsvColumn Column, double[] Surprisal)> DistinctCategories(CsvTable table, Dictionary<CsvColumn, CategoryShares> categorical)
    {
        var candidates = categorical
            .Where(kv => !kv.Value.IsIdentifierLike && !ColumnNames.HasTimestampHint(kv.Key.Name) && !ColumnNames.IsDatePart(kv.Key.Name))
            .ToList();
        var kept = new List<(CsvColumn, double[])>();
        for (var c = 0; c < candidates.Count; c++)
        {
            var column = candidates[c].Key;
            // Determined by another column: by a finer one (a component by its template), or by an equal one listed first.
            var redundant = Enumerable.Range(0, candidates.Count).Any(d => d != c
                && candidates[d].Value.Determines(candidates[c].Value)
                && (d < c || !candidates[c].Value.Determines(candidates[d].Value)));
            if (redundant)
            {
                continue;
            }

            var shares = candidates[c].Value;
            var surprisal = new double[table.RowCount];
            for (var row = 0; row < table.RowCount; row++)
            {
                // A missing value is as surprising as a value seen once.
                var share = column.Texts![row] is not null ? shares.ShareAt(row) : 1.0 / Math.Max(1, shares.Present);
                surprisal[row] = -Math.Log(Math.Max(share, 1e-12));
            }

            kept.Add((column, surprisal));
        }

        return kept;
    }

    /// <summary>
    /// A numeric column that holds the length of a text column (an HTTP request's Content-Length beside its body) repeats
    /// the text's information: it is left out of the features.
    /// </summary>
    private static bool IsLengthOf(CsvColumn numeric, CsvTable table)
    {
        foreach (var text in table.Columns.Where(c => c.Role == ColumnRole.Text && c.Texts is not null))
        {
            int both = 0, equal = 0;
            for (var row = 0; row < table.RowCount; row++)
            {
                if (text.Texts![row] is { } value && !double.IsNaN(numeric.Numbers![row]))
                {
                    both++;
                    equal += numeric.Numbers[row] == value.Length ? 1 : 0;
                }
            }

            if (both >= 20 && equal >= both * 0.95)
            {
                return true;
            }
        }

        return false;
    }

    public const string LevelSuffix = "level", RaritySuffix = "rarity", PayloadSuffix = "attack tokens", ShapeSuffix = "shape rarity";

    /// <summary>The rank of each row's level; a missing or unknown level counts as INFO.</summary>
    public static int[] LevelRanks(CsvColumn level)
    {
        var ranks = new int[level.Texts!.Length];
        var known = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        for (var row = 0; row < ranks.Length; row++)
        {
            var text = level.Texts[row];
            if (text is null)
            {
                ranks[row] = 1;
                continue;
            }

            if (!known.TryGetValue(text, out var rank))
            {
                rank = LogLevels.Rank(text);
                known[text] = rank = rank == LogLevels.Unknown ? 1 : rank;
            }

            ranks[row] = rank;
        }

        return ranks;
    }
}

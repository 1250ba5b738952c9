using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Features;

/// <summary>
/// Builds the summary features of a CSV table: seven numbers per row that do not depend on the file's width (mean and
/// max absolute z-score over the numeric columns, missing-value ratio, categorical surprisal and rare-value ratio,
/// count of |z| &gt; 3, variance of the row's z-scores), each on the file's own robust scale, so one pretrained
/// model serves any CSV. The file's own columns, for fit mode, are <see cref="CsvOwnColumnFeatures"/>'s job, and each
/// row's evidence <see cref="CsvEvidence"/>'s.
/// </summary>
public static class CsvFeatureExtractor
{
    public static readonly IReadOnlyList<string> SummaryNames =
        ["mean_abs_z", "max_abs_z", "missing_ratio", "category_surprisal", "rare_category_ratio", "outlier_count", "z_variance"];

    public const double OutlierZ = 3;

    /// <param name="standardise">Put each summary feature on the file's robust scale (<see cref="StandardiseColumns"/>), as
    /// the pretrained model sees them; false gives the raw values.</param>
    public static CsvFeatures Summary(CsvTable table, bool standardise = true)
    {
        var (numeric, categorical, counters) = Statistics(table);
        var matrix = new FeatureMatrix(SummaryNames, table.RowCount);
        var numericColumns = numeric.Keys.ToArray();
        var numericStats = numeric.Values.ToArray();
        var categoryColumns = categorical.Where(kv => !kv.Value.IsIdentifierLike).Select(kv => kv.Key).ToArray();
        var totalColumns = numericColumns.Length + categorical.Count;

        Parallel.For(0, table.RowCount, row =>
        {
            double sum = 0, sumSigned = 0, sumSquares = 0, max = 0;
            int present = 0, outliers = 0, missing = 0;
            for (var c = 0; c < numericColumns.Length; c++)
            {
                var z = numericStats[c].Z(numericColumns[c].Numbers![row]);
                if (double.IsNaN(z))
                {
                    missing++;
                    continue;
                }

                var abs = Math.Abs(z);
                present++;
                sum += abs;
                sumSigned += z;
                sumSquares += z * z;
                max = Math.Max(max, abs);
                outliers += abs > OutlierZ ? 1 : 0;
            }

            foreach (var column in categorical.Keys)
            {
                missing += column.Texts![row] is null ? 1 : 0;
            }

            double surprisal = 0;
            var rare = 0;
            var counted = 0;
            foreach (var column in categoryColumns)
            {
                if (column.Texts![row] is null)
                {
                    continue;
                }

                var share = categorical[column].ShareAt(row);
                surprisal += -Math.Log(Math.Max(share, 1e-9));
                rare += share < CategoryShares.RareShare ? 1 : 0;
                counted++;
            }

            var values = matrix.RowForWrite(row);
            var meanAbs = present > 0 ? sum / present : 0;
            values[0] = meanAbs;
            values[1] = max;
            values[2] = totalColumns > 0 ? (double)missing / totalColumns : 0;
            values[3] = counted > 0 ? surprisal / counted : 0;
            values[4] = counted > 0 ? (double)rare / counted : 0;
            values[5] = outliers;
            values[6] = present > 1 ? Math.Max(0, (sumSquares / present) - Math.Pow(sumSigned / present, 2)) : 0;
        });

        if (standardise)
        {
            StandardiseColumns(matrix);
        }

        return new CsvFeatures(matrix, FeatureKind.CsvSummary, table, numeric, categorical) { Counters = counters };
    }

    /// <summary>
    /// Puts each summary feature on the file's own robust scale, (value − median) / (1.4826 × MAD), the spread never
    /// below <see cref="MinimumSummarySpread"/>: a log table's rows have more categories and more surprisal than the
    /// generated metrics the pretrained model learned from, and on the raw scale every one of them looked anomalous.
    /// On its own scale a row is judged by how far it is from this file's typical row, which transfers across files.
    /// </summary>
    private static void StandardiseColumns(FeatureMatrix matrix)
    {
        var values = new double[matrix.Rows];
        for (var c = 0; c < matrix.Columns; c++)
        {
            for (var r = 0; r < matrix.Rows; r++)
            {
                values[r] = matrix[r, c];
            }

            var stats = ColumnStatistics.Of(values);
            var spread = Math.Max(stats.Scale, MinimumSummarySpread);
            for (var r = 0; r < matrix.Rows; r++)
            {
                matrix[r, c] = Math.Clamp((matrix[r, c] - stats.Center) / spread, -ColumnStatistics.ZClip, ColumnStatistics.ZClip);
            }
        }
    }

    /// <summary>The smallest spread a summary feature is divided by (its units are σ, ratios and nats, all near 1).</summary>
    public const double MinimumSummarySpread = 0.1;

    /// <summary>
    /// The statistics of the measurements and categories; a cumulative counter (<see cref="CounterColumns"/>) stands in
    /// as a column of its growth per record under its own name, so every feature and explanation reads the growth.
    /// </summary>
    internal static (Dictionary<CsvColumn, ColumnStatistics> Numeric, Dictionary<CsvColumn, CategoryShares> Categorical, IReadOnlyList<CsvColumn> Counters) Statistics(CsvTable table)
    {
        var growth = CounterColumns.GrowthColumns(table);
        var numeric = table.NumericFeatureColumns
            .Select(c => growth.GetValueOrDefault(c) ?? c)
            .ToDictionary(c => c, c => ColumnStatistics.Of(c.Numbers!));
        var categorical = table.CategoricalColumns.Where(c => c.Texts is not null).ToDictionary(c => c, c => new CategoryShares(c.Texts!));
        return (numeric, categorical, [.. growth.Values]);
    }
}

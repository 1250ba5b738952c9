using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Features;

/// <summary>
/// Builds features from a CSV table, in two shapes:
/// <list type="bullet">
/// <item><see cref="Summary"/>: seven numbers per row that do not depend on the file's width (mean and max
/// absolute z-score over the numeric columns, missing-value ratio, categorical surprisal and rare-value ratio,
/// count of |z| &gt; 3, variance of the row's z-scores), so one pretrained model serves any CSV.</item>
/// <item><see cref="Numeric"/>: the file's own numeric columns (missing values imputed with the median), for fit mode.</item>
/// </list>
/// </summary>
public static class CsvFeatureExtractor
{
    public static readonly IReadOnlyList<string> SummaryNames =
        ["mean_abs_z", "max_abs_z", "missing_ratio", "category_surprisal", "rare_category_ratio", "outlier_count", "z_variance"];

    public const double OutlierZ = 3;

    public static CsvFeatures Summary(CsvTable table)
    {
        var (numeric, categorical) = Statistics(table);
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
                if (column.Texts![row] is not { } value)
                {
                    continue;
                }

                var share = categorical[column].ShareOf(value);
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

        return new CsvFeatures(matrix, FeatureKind.CsvSummary, table, numeric, categorical);
    }

    public static CsvFeatures Numeric(CsvTable table)
    {
        var (numeric, categorical) = Statistics(table);
        if (numeric.Count == 0)
        {
            throw new InvalidInputException(
                "The CSV file has no numeric columns to fit a model on (label, timestamp and identifier columns do not count); use the pretrained mode.");
        }

        var columns = numeric.Keys.ToArray();
        var matrix = new FeatureMatrix(columns.Select(c => c.Name).ToArray(), table.RowCount);
        for (var c = 0; c < columns.Length; c++)
        {
            var values = columns[c].Numbers!;
            var fill = numeric[columns[c]].Center; // the median: a missing value is imputed as typical
            for (var row = 0; row < table.RowCount; row++)
            {
                var v = values[row];
                matrix[row, c] = double.IsNaN(v) ? fill : v;
            }
        }

        return new CsvFeatures(matrix, FeatureKind.CsvNumeric, table, numeric, categorical);
    }

    private static (Dictionary<CsvColumn, ColumnStatistics> Numeric, Dictionary<CsvColumn, CategoryShares> Categorical) Statistics(CsvTable table)
    {
        var numeric = table.NumericFeatureColumns.ToDictionary(c => c, c => ColumnStatistics.Of(c.Numbers!));
        var categorical = table.CategoricalColumns.Where(c => c.Texts is not null).ToDictionary(c => c, c => new CategoryShares(c.Texts!));
        return (numeric, categorical);
    }
}

using System.Globalization;
using System.Text;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Features;

public sealed class CsvFeatureExtractorTests
{
    private const int MaxAbsZ = 1, MissingRatio = 2, CategorySurprisal = 3, RareCategoryRatio = 4, OutlierCount = 5;

    private static CsvTable Read(string text)
    {
        using var stream = TextInput.Utf8(text);
        return new CsvTableReader().Read(stream, ',');
    }

    /// <summary>
    /// 200 rows of three numeric columns from a seeded generator and a colour that is red or blue, with row
    /// <paramref name="special"/> replaced by <paramref name="specialRow"/>.
    /// </summary>
    private static CsvTable Generated(int special = -1, string? specialRow = null)
    {
        var random = new Random(12345);
        var text = new StringBuilder("a,b,c,colour\n");
        for (var row = 0; row < 200; row++)
        {
            if (row == special)
            {
                text.Append(specialRow).Append('\n');
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"{10 + random.NextDouble():R},{100 + (5 * random.NextDouble()):R},{random.NextDouble():R},{(row % 3 == 0 ? "blue" : "red")}\n");
        }

        return Read(text.ToString());
    }

    private static double[] Column(FeatureMatrix matrix, int column) =>
        Enumerable.Range(0, matrix.Rows).Select(row => matrix[row, column]).ToArray();

    [Fact]
    public void The_pretrained_models_summary_is_on_the_files_own_robust_scale()
    {
        var table = Generated(special: 57, specialRow: "10.5,1000,0.5,red");
        var raw = CsvFeatureExtractor.Summary(table, standardise: false).Matrix;
        var scaled = CsvFeatureExtractor.Summary(table).Matrix;

        for (var c = 0; c < scaled.Columns; c++)
        {
            var values = Column(scaled, c);
            Assert.Equal(0, MathNet.Numerics.Statistics.Statistics.Median(values), 9); // the typical row is at 0
        }

        // The order of the rows on every feature is kept.
        Assert.Equal(Enumerable.Range(0, raw.Rows).OrderBy(r => raw[r, MaxAbsZ]).ThenBy(r => r), Enumerable.Range(0, raw.Rows).OrderBy(r => scaled[r, MaxAbsZ]).ThenBy(r => r));
    }

    [Fact]
    public void Names_the_seven_summary_features_in_order()
    {
        Assert.Equal(
            ["mean_abs_z", "max_abs_z", "missing_ratio", "category_surprisal", "rare_category_ratio", "outlier_count", "z_variance"],
            CsvFeatureExtractor.SummaryNames);

        var features = CsvFeatureExtractor.Summary(Generated(), standardise: false);

        Assert.Equal(CsvFeatureExtractor.SummaryNames, features.Matrix.Names);
        Assert.Equal(FeatureKind.CsvSummary, features.Kind);
        Assert.Equal(200, features.Matrix.Rows);
    }

    [Fact]
    public void An_injected_outlier_row_has_the_highest_max_abs_z_and_outlier_count()
    {
        var features = CsvFeatureExtractor.Summary(Generated(special: 57, specialRow: "10.5,1000,0.5,red"), standardise: false);
        var maxAbsZ = Column(features.Matrix, MaxAbsZ);
        var outliers = Column(features.Matrix, OutlierCount);

        Assert.Equal(57, Array.IndexOf(maxAbsZ, maxAbsZ.Max()));
        Assert.Equal(ColumnStatistics.ZClip, maxAbsZ[57]);
        Assert.Equal(1, outliers[57]);
        Assert.All(maxAbsZ.Where((_, row) => row != 57), z => Assert.True(z < 5));
        Assert.Equal(0, outliers.Where((_, row) => row != 57).Max());
    }

    [Fact]
    public void Missing_ratio_is_the_share_of_missing_feature_cells()
    {
        // Three numeric and one categorical feature column: a and colour are missing.
        var features = CsvFeatureExtractor.Summary(Generated(special: 3, specialRow: "NA,101,0.5,"), standardise: false);
        var missing = Column(features.Matrix, MissingRatio);

        Assert.Equal(2.0 / 4, missing[3]);
        Assert.All(missing.Where((_, row) => row != 3), ratio => Assert.Equal(0, ratio));
    }

    [Fact]
    public void Missing_ratio_leaves_out_label_and_identifier_columns()
    {
        // x, y and colour are the features; host (identifier) and label are missing in row 2 but do not count.
        var table = Read("host,x,y,colour,label\nweb-1,1,5,red,0\n,5,,red,\nweb-3,2,7,,1\nweb-4,8,6,blue,0\n");

        var missing = Column(CsvFeatureExtractor.Summary(table, standardise: false).Matrix, MissingRatio);

        Assert.Equal([0.0, 1.0 / 3, 1.0 / 3, 0], missing);
    }

    [Fact]
    public void A_rare_category_raises_rare_category_ratio_and_surprisal()
    {
        var features = CsvFeatureExtractor.Summary(Generated(special: 120, specialRow: "10.5,102,0.5,mauve"), standardise: false);
        var rare = Column(features.Matrix, RareCategoryRatio);
        var surprisal = Column(features.Matrix, CategorySurprisal);

        Assert.Equal(1, rare[120]);
        Assert.All(rare.Where((_, row) => row != 120), ratio => Assert.Equal(0, ratio));
        Assert.Equal(-Math.Log(1.0 / 200), surprisal[120], 1e-12);
        Assert.Equal(120, Array.IndexOf(surprisal, surprisal.Max()));
    }

    [Fact]
    public void Ignores_identifier_like_text_columns_when_scoring_categories()
    {
        // Every message is different, so every value is rare: that says nothing about a row.
        var text = new StringBuilder("message,v\n");
        for (var row = 0; row < 40; row++)
        {
            text.Append(CultureInfo.InvariantCulture, $"request {row * 7919 % 1000} done,{row % 5}\n");
        }

        var features = CsvFeatureExtractor.Summary(Read(text.ToString()), standardise: false);

        Assert.All(Column(features.Matrix, RareCategoryRatio), ratio => Assert.Equal(0, ratio));
        Assert.All(Column(features.Matrix, CategorySurprisal), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Summary_ranks_thyroid_anomalies_above_normal_rows_by_max_abs_z()
    {
        var table = TestData.ReadTabular("thyroid");
        var labels = TestData.Labels(table);

        var maxAbsZ = Column(CsvFeatureExtractor.Summary(table, standardise: false).Matrix, MaxAbsZ);

        Assert.True(Evaluation.RocAuc(maxAbsZ, labels) > 0.95);
    }

    [Fact]
    public void Summary_ranks_bgl_alerts_above_normal_lines_by_category_surprisal()
    {
        using var stream = File.OpenRead(TestData.Shared("logs", "BGL_2k.log_structured.csv"));
        var table = new CsvTableReader().Read(stream, ',');
        var labels = TestData.Labels(table);

        var surprisal = Column(CsvFeatureExtractor.Summary(table, standardise: false).Matrix, CategorySurprisal);

        Assert.True(Evaluation.RocAuc(surprisal, labels) > 0.75);
    }
}

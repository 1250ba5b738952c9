using AnomalyStudio.Core;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Features;

/// <summary>A table's own numeric columns as features, when the model is fitted on the file.</summary>
public sealed class CsvOwnColumnFeaturesTests
{
    private static CsvTable Read(string text)
    {
        using var stream = TextInput.Utf8(text);
        return new CsvTableReader().Read(stream, ',');
    }

    private static double[] Column(FeatureMatrix matrix, int column) =>
        Enumerable.Range(0, matrix.Rows).Select(row => matrix[row, column]).ToArray();

    [Fact]
    public void Numeric_imputes_missing_values_with_the_column_median()
    {
        var table = Read("id,x,z,colour,label\nr1,1,10,red,0\nr2,NA,20,red,0\nr3,3,,blue,1\nr4,10,40,red,0\nr5,4,35,red,0\n");

        var features = CsvOwnColumnFeatures.Numeric(table);

        Assert.Equal(FeatureKind.CsvNumeric, features.Kind);
        Assert.Equal(["x", "z", "colour rarity"], features.Matrix.Names);
        // median of 1, 3, 4, 10 is 3.5; of 10, 20, 35, 40 is 27.5.
        Assert.Equal([1.0, 3.5, 3, 10, 4], Column(features.Matrix, 0));
        Assert.Equal([10.0, 20, 27.5, 40, 35], Column(features.Matrix, 1));
        // red in 4 of 5 rows, blue in 1: surprisal −ln share.
        Assert.Equal([-Math.Log(0.8), -Math.Log(0.8), -Math.Log(0.2), -Math.Log(0.8), -Math.Log(0.8)], Column(features.Matrix, 2));
    }

    [Fact]
    public void Numeric_keeps_thyroids_six_feature_columns_as_they_are()
    {
        var table = TestData.ReadTabular("thyroid");

        var matrix = CsvOwnColumnFeatures.Numeric(table).Matrix;

        Assert.Equal(["f0", "f1", "f2", "f3", "f4", "f5"], matrix.Names);
        Assert.Equal(3772, matrix.Rows);
        var columns = table.NumericFeatureColumns.ToArray();
        for (var c = 0; c < columns.Length; c++)
        {
            Assert.Equal(columns[c].Numbers!, Column(matrix, c));
        }
    }

    [Fact]
    public void Numeric_throws_when_only_identifiers_labels_and_timestamps_exist()
    {
        var table = Read("host,timestamp,label\nweb-1,2024-01-01T00:00:00Z,0\nweb-2,2024-01-01T00:01:00Z,1\nweb-3,2024-01-01T00:02:00Z,0\n");

        var error = Assert.Throws<InvalidInputException>(() => CsvOwnColumnFeatures.Numeric(table));

        Assert.Contains("no column to fit a model on", error.Message, StringComparison.Ordinal);
    }
}

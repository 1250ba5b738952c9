using AnomalyStudio.Core.Detection.IsolationForest;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Features;

public sealed class DistinctRowsTests
{
    [Fact]
    public void Maps_every_row_to_a_distinct_row_with_the_same_values()
    {
        var features = ElasticLog.Features.Matrix;

        var distinct = DistinctRows.Of(features);

        Assert.Equal(features.Rows, distinct.Map.Length);
        Assert.InRange(distinct.Matrix.Rows, 1, features.Rows - 1); // the real log repeats itself
        for (var r = 0; r < features.Rows; r++)
        {
            Assert.True(features.Row(r).SequenceEqual(distinct.Matrix.Row(distinct.Map[r])), $"row {r}");
        }

        var texts = Enumerable.Range(0, distinct.Matrix.Rows).Select(d => string.Join(',', distinct.Matrix.Row(d).ToArray())).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
    }

    [Fact]
    public void Keeps_rows_in_order_of_first_appearance_and_tells_signed_zeros_apart()
    {
        var features = new FeatureMatrix(["a", "b"], [1, 2, 0.0, 0.0, 1, 2, -0.0, 0.0, double.NaN, 3, double.NaN, 3]);

        var distinct = DistinctRows.Of(features);

        Assert.Equal([0, 1, 0, 2, 3, 3], distinct.Map);
        Assert.Equal([1, 2, 0, 0, -0.0, 0, double.NaN, 3], distinct.Matrix.Values);
        Assert.Equal([10.0, 20, 10, 30, 40, 40], distinct.Expand([10, 20, 30, 40]));
    }

    [Fact]
    public void An_isolation_forest_gives_a_big_matrix_the_scores_it_gives_each_row_alone()
    {
        // Three copies of the real log: enough rows that the forest scores the distinct rows once and copies.
        var one = ElasticLog.Features.Matrix;
        var values = Enumerable.Repeat(one.Values, 3).SelectMany(v => v).ToArray();
        var big = new FeatureMatrix(one.Names, values);
        var model = new IsolationForestDetector(new IsolationForestOptions { Seed = 7 }).Fit(one);

        var scores = model.Score(big);

        var alone = model.Score(one); // 10,000 rows: below the size where rows are deduplicated
        for (var r = 0; r < big.Rows; r++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(alone[r % one.Rows]), BitConverter.DoubleToInt64Bits(scores[r]));
        }
    }
}

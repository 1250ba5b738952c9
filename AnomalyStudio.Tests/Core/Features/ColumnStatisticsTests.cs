using AnomalyStudio.Core.Features;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Features;

public sealed class ColumnStatisticsTests
{
    [Fact]
    public void Centre_is_the_median_and_scale_the_mad_times_1_4826()
    {
        // median 3, absolute deviations 2 1 0 1 97 → MAD 1; the outlier 100 moves neither.
        var statistics = ColumnStatistics.Of([1, 2, 3, 4, 100]);

        Assert.Equal(new ColumnStatistics(3, 1.4826, 5), statistics);
    }

    [Fact]
    public void Takes_the_mean_of_the_two_middle_values_as_the_median_of_an_even_count()
    {
        Assert.Equal(2.5, ColumnStatistics.Of([4, 1, 3, 2]).Center);
    }

    [Fact]
    public void Ignores_missing_values()
    {
        var statistics = ColumnStatistics.Of([double.NaN, 1, 2, double.NaN, 3, 4, 100]);

        Assert.Equal(new ColumnStatistics(3, 1.4826, 5), statistics);
    }

    [Fact]
    public void Leaves_the_callers_values_in_their_order()
    {
        double[] values = [5, 1, 4, 2, 3];

        ColumnStatistics.Of(values);

        Assert.Equal([5.0, 1, 4, 2, 3], values);
    }

    [Fact]
    public void Falls_back_to_the_standard_deviation_when_most_values_are_equal()
    {
        // MAD is 0; sample standard deviation of 5 5 5 5 9 is √(12.8 / 4).
        var statistics = ColumnStatistics.Of([5, 5, 5, 5, 9]);

        Assert.Equal(5, statistics.Center);
        Assert.Equal(Math.Sqrt(3.2), statistics.Scale, 1e-12);
    }

    [Theory]
    [InlineData(new double[] { 7, 7, 7 }, 7, 3)]
    [InlineData(new double[] { 7 }, 7, 1)]
    [InlineData(new double[] { }, 0, 0)]
    [InlineData(new double[] { double.NaN, double.NaN }, 0, 0)]
    public void Uses_a_scale_of_one_for_a_constant_or_empty_column(double[] values, double center, int present)
    {
        Assert.Equal(new ColumnStatistics(center, 1, present), ColumnStatistics.Of(values));
    }

    [Fact]
    public void Gives_clipped_z_scores_and_nan_for_missing_values()
    {
        var statistics = new ColumnStatistics(10, 2, 100);

        Assert.Equal(0, statistics.Z(10));
        Assert.Equal(1.5, statistics.Z(13));
        Assert.Equal(-2.5, statistics.Z(5));
        Assert.Equal(ColumnStatistics.ZClip, statistics.Z(1e9));
        Assert.Equal(-ColumnStatistics.ZClip, statistics.Z(-1e9));
        Assert.True(double.IsNaN(statistics.Z(double.NaN)));
    }

    [Theory]
    // numpy: m = np.median(x); 1.4826 * np.median(np.abs(x - m)) for the columns of tabular/thyroid.csv
    [InlineData("f0", 0.569892473118, 0.2391290322585907)]
    [InlineData("f1", 0.00301886792453, 0.002797358490565758)]
    [InlineData("f2", 0.190702087287, 0.036572675522111395)]
    [InlineData("f3", 0.2418224299065, 0.057156308411720716)]
    [InlineData("f4", 0.37558685446, 0.06264507042289016)]
    [InlineData("f5", 0.173770491803, 0.03645737704854838)]
    public void Matches_numpy_on_the_thyroid_columns(string column, double median, double scaledMad)
    {
        var values = TestData.ReadTabular("thyroid").Columns.Single(c => c.Name == column).Numbers!;

        var statistics = ColumnStatistics.Of(values);

        Assert.Equal(median, statistics.Center, 1e-15);
        Assert.Equal(scaledMad, statistics.Scale, 1e-15);
        Assert.Equal(3772, statistics.Present);
    }
}

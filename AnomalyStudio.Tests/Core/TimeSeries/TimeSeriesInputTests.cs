using AnomalyStudio.Core.TimeSeries;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.TimeSeries;

public sealed class TimeSeriesInputTests
{
    [Fact]
    public void A_timestamp_value_export_is_a_time_series_of_one_metric()
    {
        var input = NabData.Input("exchange-2_cpm_results.csv");

        var metric = Assert.Single(input.Metrics);
        Assert.Equal("value", metric.Name);
        Assert.Equal(1624, metric.Values.Length);
        Assert.Equal(TimeSpan.FromHours(1), input.Axis.Step);
    }

    [Fact]
    public void A_table_without_a_time_column_is_not_and_says_why()
    {
        Assert.Null(TimeSeriesInput.Recognise(TestData.ReadTabular("thyroid"), out var reason));
        Assert.Equal("it has no time column", reason);
    }
}

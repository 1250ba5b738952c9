using AnomalyStudio.Core.TimeSeries;

namespace AnomalyStudio.Tests.Core.TimeSeries;

public sealed class TimeAxisTests
{
    [Fact]
    public void A_five_minute_cloudwatch_series_has_a_five_minute_step_and_no_gap()
    {
        var axis = NabData.Input("ec2_cpu_utilization_24ae8d.csv").Axis;

        Assert.Equal(TimeSpan.FromMinutes(5), axis.Step);
        Assert.Equal(288, axis.StepsPerDay);
        Assert.Equal(0, axis.Duplicates);
        Assert.Equal(0, axis.OutOfOrder);
        Assert.StartsWith("4,032 points every 5 min over 14 days", axis.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_irregular_freeway_speed_series_reports_its_gaps()
    {
        var axis = NabData.Input("speed_7578.csv").Axis;

        Assert.True(axis.Gaps > 0);
        Assert.Contains("gap", axis.Describe(), StringComparison.Ordinal);
        Assert.True(axis.LongestGap > 1.5 * axis.Step);
    }

    [Fact]
    public void Duplicate_and_shuffled_timestamps_are_counted_and_analysed_in_time_order()
    {
        var times = NabData.Input("rds_cpu_utilization_e47b3b.csv").Axis.Times.Take(500).ToList();
        times.Insert(100, times[100]);
        (times[10], times[11]) = (times[11], times[10]);

        var axis = TimeAxis.Of([.. times]);

        Assert.Equal(1, axis.Duplicates);
        Assert.Equal(1, axis.OutOfOrder);
        Assert.Equal(11, axis.Order[10]);
        Assert.Equal(10, axis.Order[11]);
        Assert.Contains("1 duplicate timestamp", axis.Describe(), StringComparison.Ordinal);
        Assert.Contains("out of time order", axis.Describe(), StringComparison.Ordinal);
    }
}

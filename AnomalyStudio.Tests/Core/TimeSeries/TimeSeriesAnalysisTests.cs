using AnomalyStudio.App.Cli.Nab;
using AnomalyStudio.Core.TimeSeries;

namespace AnomalyStudio.Tests.Core.TimeSeries;

public sealed class TimeSeriesAnalysisTests
{
    [Theory]
    [InlineData("ec2_cpu_utilization_fe7f93.csv")]
    [InlineData("rds_cpu_utilization_e47b3b.csv")]
    [InlineData("exchange-3_cpc_results.csv")]
    [InlineData("occupancy_t4013.csv")]
    public void Every_labelled_window_of_a_clear_series_holds_a_flag(string name)
    {
        var series = NabData.Series(name);
        var (analysis, _, _) = NabData.Analyse(NabData.Input(name));

        var score = NabScorer.Score(NabData.Flags(analysis), series.Windows, NabProfile.Standard);

        Assert.Equal(score.Windows, score.WindowsHit);
        Assert.True(score.Normalised > 50, $"NAB {score.Normalised:0.0}");
    }

    [Fact]
    public void A_series_without_labelled_anomalies_is_flagged_on_few_points()
    {
        var (analysis, scores, threshold) = NabData.Analyse(NabData.Input("ec2_cpu_utilization_c6585a.csv"));

        var flags = NabData.Flags(analysis).Count(f => f);
        Assert.InRange(flags, 0, scores.Length / 200);
        Assert.Equal(flags, scores.Count(s => s >= threshold.Score));
    }

    [Fact]
    public void A_spike_in_ad_prices_is_explained_against_the_range_typical_at_that_hour()
    {
        var (analysis, _, _) = NabData.Analyse(NabData.Input("exchange-2_cpm_results.csv"));

        var spike = analysis.Periods.First(p => p.Kind == AnomalyKind.Spike && p.Start.Month == 8 && p.Start.Day == 10);
        var text = TimeSeriesExplainer.Explain(analysis, spike.StartRow);

        Assert.StartsWith("value 0.948 at 10 Aug 17:00 where 0.", text, StringComparison.Ordinal);
        Assert.Contains("is typical at this hour", text, StringComparison.Ordinal);
        Assert.Contains("spike", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_burst_in_a_series_that_is_mostly_zero_is_said_against_the_zero_that_is_typical()
    {
        // This disk's writes are 0 in nine points of ten, with bursts of up to 547 million bytes.
        var (analysis, _, _) = NabData.Analyse(NabData.Input("ec2_disk_write_bytes_1ef3de.csv"));

        var burst = analysis.Periods[0];
        var text = TimeSeriesExplainer.Explain(analysis, burst.StartRow);

        Assert.Matches(@"^value [\d,]+ at \d+ \w{3} \d\d:\d\d where 0 is typical; spike from ", text);
    }

    [Fact]
    public void A_lasting_change_of_level_is_named_a_level_shift_with_its_size()
    {
        // The CPU of this database rises from about 17 % to about 27 % late on 18 April and stays there.
        var (analysis, _, _) = NabData.Analyse(NabData.Input("rds_cpu_utilization_e47b3b.csv"));

        var shift = Assert.Single(analysis.Periods, p => p.Kind == AnomalyKind.LevelShift && (p.Start.Month, p.Start.Day) == (4, 18));
        var text = TimeSeriesExplainer.Explain(analysis, shift.StartRow);

        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(text, @"level \d+(\.\d)?× higher since 18 Apr \d\d:\d\d \(level shift\)"), text);
    }

    [Fact]
    public void The_same_series_gives_identical_scores_twice()
    {
        var first = NabData.Analyse(NabData.Input("speed_7578.csv")).Scores;
        var second = NabData.Analyse(NabData.Input("speed_7578.csv")).Scores;

        Assert.Equal(first, second);
    }

    [Fact]
    public void One_metric_moving_out_of_step_with_a_correlated_one_is_flagged_there()
    {
        // Two metrics that move together (freeway speed and a travel-time-like inverse of it), then only one of them jumps.
        var input = NabData.Input("speed_t4013.csv");
        var speed = input.Metrics[0].Values;
        var inverse = Array.ConvertAll(speed, v => 1000 / Math.Max(v, 1));
        var broken = (double[])inverse.Clone();
        for (var k = 1800; k < 1830; k++)
        {
            broken[k] *= 3;
        }

        var (analysis, _, _) = NabData.Analyse(TimeSeriesInput.Of(input.Axis.Times, [("speed", speed), ("travel time", broken)]));

        // The level-shift statistic compares the next points with the previous ones, so the flag may come a few points early.
        var period = Assert.Single(analysis.Periods, p => analysis.Position(p.StartRow) is >= 1790 and <= 1800);
        Assert.Equal("travel time", period.Metric);
        var text = TimeSeriesExplainer.Explain(analysis, period.StartRow);
        Assert.Contains("out of step with speed", text, StringComparison.Ordinal);
        Assert.Contains($"since {TimeText.Moment(input.Axis.Times[1800], input.Axis.Span)}", text, StringComparison.Ordinal);
    }
}

using AnomalyStudio.Core.TimeSeries;

namespace AnomalyStudio.Tests.Core.TimeSeries;

public sealed class SeasonalProfileTests
{
    [Fact]
    public void Ad_exchange_prices_have_a_daily_cycle_and_a_flat_cpu_has_none()
    {
        var exchange = TimeSeriesContext.Compute(NabData.Input("exchange-2_cpm_results.csv")).Metrics[0].Season;
        var cpu = TimeSeriesContext.Compute(NabData.Input("ec2_cpu_utilization_24ae8d.csv")).Metrics[0].Season;

        Assert.True(exchange.IsDaily);
        Assert.True(exchange.Strength > 0.5, exchange.Describe());
        Assert.False(cpu.IsDaily);
        Assert.Equal("no daily cycle", cpu.Describe());
    }

    [Fact]
    public void Freeway_occupancy_has_its_own_profile_on_weekends()
    {
        var season = TimeSeriesContext.Compute(NabData.Input("occupancy_t4013.csv")).Metrics[0].Season;

        Assert.True(season.WeekSplit, season.Describe());
        var saturday = new DateTimeOffset(2015, 9, 5, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal("at this hour on weekends", season.PhaseText(saturday));
        Assert.Equal("at this hour on weekdays", season.PhaseText(saturday.AddDays(2)));
    }
}

using AnomalyStudio.App.Components.Controls;
using AnomalyStudio.App.State;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Tests.Support;
using Bunit;

namespace AnomalyStudio.Tests.App.Components;

public sealed class SeriesComponentTests : IDisposable
{
    private readonly TestPipeline _test = new(); // fitted on each series: no pretrained model is needed

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task The_series_chart_is_labelled_and_summarised_and_the_drawer_shows_the_value_against_its_band()
    {
        var path = TestData.Shared("nab", "realAdExchange", "exchange-2_cpm_results.csv");
        await using var stream = File.OpenRead(path);
        var result = await _test.Pipeline.RunAsync(stream, new DetectionRequest { FileName = "exchange-2_cpm_results.csv" });
        var data = Assert.Single(SeriesChartData.Of(result.TimeSeries!));
        Assert.Equal(1624, data.Times.Length);
        Assert.Equal(result.Summary.Anomalies, data.FlaggedTimes.Length);

        await using var context = ComponentContext.Create();
        var chart = context.Render<SeriesChart>(p => p.Add(c => c.Data, data));
        Assert.Equal("Time series chart of value", chart.Find("[data-testid=series-chart]").GetAttribute("aria-label"));
        Assert.StartsWith("Series 'value': 1,624 points every 1 h", chart.Find("[data-testid=series-summary]").TextContent, StringComparison.Ordinal);

        var flagged = Enumerable.Range(0, result.Records.Count).First(i => result.Records.Severities[i] != AnomalyStudio.Core.Scoring.Severity.Normal);
        var drawer = context.Render<RecordDrawer>(p => p.Add(c => c.Result, result).Add(c => c.Index, flagged));
        var band = drawer.Find("[data-testid=drawer-band]").TextContent;
        Assert.Contains("value", band, StringComparison.Ordinal);
        Assert.Matches("(above|below)", band);
    }

    [Fact]
    public void A_long_series_is_thinned_but_keeps_every_flagged_point()
    {
        var times = Enumerable.Range(0, 20_000).Select(i => new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(5 * i)).ToArray();
        var values = Enumerable.Range(0, 20_000).Select(i => 10 + Math.Sin(i / 40.0) + (i % 5_000 == 2_500 ? 30 : 0)).ToArray();
        var context = AnomalyStudio.Core.TimeSeries.TimeSeriesContext.Compute(AnomalyStudio.Core.TimeSeries.TimeSeriesInput.Of(times, [("load", values)]));
        var (analysis, _, _) = AnomalyStudio.Core.TimeSeries.TimeSeriesScorer.Score(context, new double[values.Length], new(), new(), AnomalyStudio.Core.Scoring.SeverityThresholds.IsolationForestDefaults);

        var data = SeriesChartData.Of(analysis, context.Metrics[0]);

        Assert.InRange(data.Times.Length, 1, SeriesChartData.MaxPoints + 10);
        Assert.Equal(analysis.FlaggedInTimeOrder.Count(f => f), data.FlaggedTimes.Length);
        Assert.All(data.FlaggedTimes, t => Assert.Contains(t, data.Times));
    }
}

using AnomalyStudio.App.Admission;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Admission;

/// <summary>What a result weighs in the session cap and the server's result budget.</summary>
public sealed class ResultFootprintTests
{
    [Fact]
    public async Task A_real_log_gets_the_same_estimate_on_every_run()
    {
        using var pipeline = new TestPipeline(sharedModels: true);
        var path = TestData.Shared("logs", "apache_access_elastic.log");

        var estimates = new HashSet<long>();
        for (var run = 0; run < 4; run++)
        {
            estimates.Add(ResultFootprint.Of(await pipeline.RunFileAsync(path)));
        }

        Assert.Single(estimates);
    }

    [Fact]
    public async Task A_results_estimate_covers_at_least_its_numeric_columns_and_grows_with_the_file()
    {
        using var pipeline = new TestPipeline(sharedModels: true);
        var log = await pipeline.RunFileAsync(TestData.Samples("sample_access.log"));

        var numeric = (log.Features.Values.Length * 8L) + (log.Records.Count * (8L + 8 + 1));
        Assert.InRange(ResultFootprint.Of(log), numeric, numeric * 6);
    }

    [Fact]
    public async Task A_time_series_estimate_counts_its_context_arrays()
    {
        using var pipeline = new TestPipeline(sharedModels: true);
        var result = await pipeline.RunFileAsync(TestData.Shared("nab", "realTraffic", "speed_6005.csv"), DetectionMode.Auto);

        var series = Assert.IsType<AnomalyStudio.Core.TimeSeries.TimeSeriesAnalysis>(result.TimeSeries).EstimatedBytes;
        Assert.True(series >= result.Records.Count * 8L * 8, $"{series} bytes for {result.Records.Count} points");
        Assert.True(ResultFootprint.Of(result) >= series + (result.Features.Values.Length * 8L));
    }
}

using AnomalyStudio.Core;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Pipeline;

public sealed class TimeSeriesPipelineTests : IDisposable
{
    private readonly TestPipeline _test = new(); // fitted on each series: no pretrained model is needed

    public void Dispose() => _test.Dispose();

    private async Task<DetectionResult> RunAsync(string path, AnalysisChoice analysis, string model = AnomalyStudio.Core.Detection.DetectorNames.IsolationForest)
    {
        await using var stream = File.OpenRead(path);
        return await _test.Pipeline.RunAsync(stream, new DetectionRequest { FileName = Path.GetFileName(path), Model = model, Analysis = analysis });
    }

    [Fact]
    public async Task A_metrics_export_is_judged_as_a_time_series_by_default_and_its_flags_are_explained_in_context()
    {
        var result = await RunAsync(TestData.Shared("nab", "realAdExchange", "exchange-3_cpc_results.csv"), AnalysisChoice.Auto);

        var series = Assert.IsType<AnomalyStudio.Core.TimeSeries.TimeSeriesAnalysis>(result.TimeSeries);
        Assert.Equal(DetectionMode.Fit, result.Mode);
        Assert.Equal(series.Periods.Count, result.Summary.Anomalies);
        Assert.InRange(result.Summary.Anomalies, 1, 20);
        Assert.All(result.Records.Where(r => r.IsAnomaly), r => Assert.Contains(" is typical", r.Explanation, StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.StartsWith("Time series: 1,538 points every 1 h", StringComparison.Ordinal));
        Assert.Contains("robust σ or more from their expected value", result.Threshold.Reason, StringComparison.Ordinal);
        // The series' context is its features: one entry per stage, as for any file (the CLI listed "features" twice).
        Assert.Equal(result.Timings.Select(t => t.Stage).Distinct().Count(), result.Timings.Count);
    }

    [Fact]
    public async Task Row_by_row_analysis_can_be_asked_for_and_a_table_that_is_no_series_is_refused_as_one()
    {
        var records = await RunAsync(TestData.Shared("nab", "realAdExchange", "exchange-3_cpc_results.csv"), AnalysisChoice.Records);
        Assert.Null(records.TimeSeries);

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(TestData.Shared("tabular", "wbc.csv"), AnalysisChoice.TimeSeries));
        Assert.Equal("wbc.csv cannot be analysed as a time series: it has no time column.", refused.Message);

        var table = await RunAsync(TestData.Shared("tabular", "wbc.csv"), AnalysisChoice.Auto);
        Assert.Null(table.TimeSeries);
    }

    [Fact]
    public async Task An_analyst_can_move_the_flag_and_the_newly_flagged_points_are_explained_too()
    {
        var result = await RunAsync(TestData.Shared("nab", "realTraffic", "occupancy_t4013.csv"), AnalysisChoice.Auto);

        var moved = result.WithThreshold(new FlagThreshold(0.3, ThresholdMethod.Manual, "test"));

        Assert.True(moved.Summary.Anomalies > result.Summary.Anomalies);
        Assert.All(moved.Records.Where(r => r.IsAnomaly), r => Assert.Contains(" is typical", r.Explanation, StringComparison.Ordinal));
    }
}

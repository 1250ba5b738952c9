using AnomalyStudio.App.Admission;
using AnomalyStudio.Core.Feedback;
using AnomalyStudio.Core.Formats;
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

        var numeric = (log.Features.Values.Length * 8L) + (log.Records.Count * (8L + 8 + 8 + 1)); // features, scores, raw scores, evidence, severities
        Assert.InRange(ResultFootprint.Of(log), numeric, numeric * 6);
    }

    [Fact]
    public async Task The_raw_scores_kept_for_rules_are_counted_and_a_ruled_result_also_counts_the_scores_before_its_rules()
    {
        using var pipeline = new TestPipeline(sharedModels: true);
        var plain = await pipeline.RunFileAsync(TestData.Shared("logs", "apache_access_elastic.log"));
        var ruled = plain.WithRules(new ExpectedRules([ExpectedRule.FieldEquals("status", "404")]));

        var column = MemoryFootprint.Of(plain.Records.Scores); // a double per record
        Assert.Equal(column, plain.BaseScoringBytes); // the raw scores; the scores and evidence are the result's own
        Assert.Equal(3 * column, ruled.BaseScoringBytes); // and the scores and evidence before the rule
        Assert.True(ResultFootprint.Of(plain) >= MemoryFootprint.Of(plain.Features.Values) + (3 * column), "the raw scores are not in the estimate");
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

using AnomalyStudio.App.State;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.State;

/// <summary>The table's filtering, search and sorting, without a browser, on the sample log's real results.</summary>
public sealed class ResultsViewTests(SampleResults samples) : IClassFixture<SampleResults>
{
    [Fact]
    public void Shows_every_record_by_score_highest_first()
    {
        var view = new ResultsView(samples.Log);

        Assert.Equal(samples.Log.Summary.Total, view.Count);
        var scores = view.Indices.Select(i => samples.Log.Records.Scores[i]).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public void Severity_chips_filter_live_and_count_per_severity()
    {
        var view = new ResultsView(samples.Log);

        view.Toggle(Severity.Normal);

        Assert.Equal(samples.Log.Summary.Anomalies, view.Count);
        Assert.DoesNotContain(Severity.Normal, view.Indices.Select(i => samples.Log.Records.Severities[i]));
        Assert.Equal(samples.Log.Summary.SeverityCounts.Normal, view.CountOf(Severity.Normal));

        view.Only(Severity.High);
        Assert.Equal(samples.Log.Summary.SeverityCounts.High, view.Count);
        view.Only(Severity.High);
        Assert.Equal(samples.Log.Summary.Total, view.Count);
    }

    [Fact]
    public void Search_matches_identifier_request_and_explanation()
    {
        var view = new ResultsView(samples.Log);

        view.SetSearch("sqlmap");
        Assert.NotEqual(0, view.Count);
        Assert.All(view.Indices, i => Assert.Contains("sqlmap", samples.Log.Source.SearchText(i) + samples.Log.Records.Explanations[i], StringComparison.OrdinalIgnoreCase));

        var ip = samples.Log.Records.Identifier(0);
        view.SetSearch(ip);
        Assert.Contains(0, view.Indices);

        view.SetSearch("no such text anywhere");
        Assert.Equal(0, view.Count);
    }

    [Fact]
    public void Sorts_by_time_and_by_line()
    {
        var view = new ResultsView(samples.Log);

        view.SetSort(ResultsSort.TimeAscending);
        var times = view.Indices.Select(i => samples.Log.Records.Timestamp(i)!.Value).ToList();
        Assert.Equal(times.Order(), times);

        view.SetSort(ResultsSort.LineAscending);
        Assert.Equal(Enumerable.Range(0, view.Count), view.Indices);
    }

    [Fact]
    public void Gives_the_table_only_the_window_it_draws()
    {
        var view = new ResultsView(samples.Log);

        var window = view.Window(10, 20);

        Assert.Equal(20, window.Count);
        Assert.Equal(view.Indices.Skip(10).Take(20), window.Select(r => r.Index));
        Assert.Empty(view.Window(view.Count, 5));
    }

    [Fact]
    public void Chart_data_adds_up_to_the_summary()
    {
        var bars = ChartData.Severities(samples.Log);
        Assert.Equal(samples.Log.Summary.Total, bars.Sum(b => b.Count));
        Assert.Equal([Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Normal], bars.Select(b => b.Severity));

        var (centers, counts) = ChartData.Histogram(samples.Log);
        Assert.Equal(samples.Log.Summary.Total, counts.Sum());
        Assert.All(centers, c => Assert.InRange(c, 0, 1));

        var timeline = ChartData.Timeline(samples.Log)!.Value;
        Assert.Equal(samples.Log.Summary.Total, timeline.Records.Sum());
        Assert.Equal(samples.Log.Summary.Anomalies, timeline.Anomalies.Sum());
        Assert.Null(ChartData.Timeline(samples.Table));
    }
}

/// <summary>Real results of the sample log and of an ODDS table (no timestamps), computed once.</summary>
public sealed class SampleResults : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);

    public SampleResults()
    {
        Log = _test.RunFileAsync(TestData.Samples("sample_access.log")).GetAwaiter().GetResult();
        Table = _test.RunFileAsync(TestData.Shared("tabular", "wbc.csv")).GetAwaiter().GetResult();
        LineLog = _test.RunFileAsync(TestData.Shared("logs", "Apache_2k.log")).GetAwaiter().GetResult();
    }

    public DetectionResult Log { get; }

    public DetectionResult Table { get; }

    /// <summary>The real Apache error log (loghub's 2k sample), read as a line log with its templates.</summary>
    public DetectionResult LineLog { get; }

    public void Dispose() => _test.Dispose();
}

using AnomalyStudio.App.Cli.Quality;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Tests.Support;
using Xunit.Abstractions;

namespace AnomalyStudio.Tests.Quality;

/// <summary>
/// The quality floors of the default (auto) mode on real data nobody tuned the product to, both models, fixed seeds:
/// the same runs as <c>bench quality</c>. Real logs without incidents are left almost unflagged; labelled attacks and
/// alerts rank on top. Quality, not speed: nothing here is timed.
/// </summary>
[Trait("Category", "Quality")]
public sealed class QualityFloorTests(QualityFloorTests.Runner runner, ITestOutputHelper output) : IClassFixture<QualityFloorTests.Runner>
{
    /// <summary>One pipeline and the shared models for every floor.</summary>
    public sealed class Runner : IDisposable
    {
        private readonly TestPipeline _test = new(sharedModels: true);
        private readonly Dictionary<(string, string), QualityRow> _rows = [];
        private readonly SemaphoreSlim _gate = new(1, 1);

        public IReadOnlyList<QualitySet> Sets { get; } = QualitySets.Find(TestData.SharedData, Path.Combine(TestData.RepositoryRoot, "samples"));

        public async Task<QualityRow> RunAsync(string set, string model)
        {
            await _gate.WaitAsync();
            try
            {
                if (!_rows.TryGetValue((set, model), out var row))
                {
                    var found = Sets.SingleOrDefault(s => s.Name == set) ?? throw new InvalidOperationException($"no quality set {set}");
                    _rows[(set, model)] = row = await new QualityRunner(_test.Pipeline).RunAsync(found, model, DetectionMode.Auto);
                }

                return row;
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose()
        {
            _test.Dispose();
            _gate.Dispose();
        }
    }

    public static TheoryData<string> Models => [DetectorNames.IsolationForest, DetectorNames.Autoencoder];

    private async Task<QualityRow> RunAsync(string set, string model)
    {
        var row = await runner.RunAsync(set, model);
        output.WriteLine($"{row.DataSet} {row.Model} ({row.Mode}): {row.Records:N0} records, {row.FlaggedPercent:0.00}% flagged, " +
            $"{row.HighOrCritical} high+critical, ROC-AUC {row.RocAuc:0.000}, AP {row.AveragePrecision:0.000}{(row.Error is null ? "" : ", error " + row.Error)}");
        Assert.Null(row.Error);
        return row;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task The_real_apache_log_is_almost_unflagged(string model)
    {
        var row = await RunAsync("logs/apache_access_elastic.log", model);

        Assert.Equal(10_000, row.Records);
        Assert.True(row.FlaggedPercent <= 2, $"{row.FlaggedPercent}% flagged");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Thunderbird_without_alerts_is_almost_unflagged_and_nothing_is_high(string model)
    {
        var row = await RunAsync("logs/Thunderbird_2k.log_structured.csv", model);

        Assert.True(row.FlaggedPercent <= 2, $"{row.FlaggedPercent}% flagged");
        Assert.Equal(0, row.HighOrCritical);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Hdfs_is_almost_unflagged(string model)
    {
        var row = await RunAsync("logs/HDFS_2k.log_structured.csv", model);

        Assert.True(row.FlaggedPercent <= 5, $"{row.FlaggedPercent}% flagged");
    }

    [Fact]
    public async Task Bgl_alerts_rank_on_top()
    {
        var row = await RunAsync("logs/BGL_2k.log_structured.csv", DetectorNames.IsolationForest);

        Assert.True(row.RocAuc >= 0.93, $"ROC-AUC {row.RocAuc}");
    }

    [Fact]
    public async Task Csic_web_attacks_rank_on_top_and_the_autoencoder_is_close_behind()
    {
        var forest = await RunAsync("web/csic2010_test.csv.gz", DetectorNames.IsolationForest);
        var autoencoder = await RunAsync("web/csic2010_test.csv.gz", DetectorNames.Autoencoder);

        Assert.True(forest.RocAuc >= 0.90, $"forest ROC-AUC {forest.RocAuc}");
        Assert.True(autoencoder.RocAuc >= forest.RocAuc - 0.02, $"autoencoder ROC-AUC {autoencoder.RocAuc}, forest {forest.RocAuc}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Public_attack_uris_injected_into_real_traffic_are_found(string model)
    {
        var row = await RunAsync("injected/elastic+attacks.log", model);

        Assert.True(row.RocAuc >= 0.97, $"ROC-AUC {row.RocAuc}");
        Assert.True(row.AveragePrecision >= 0.5, $"AP {row.AveragePrecision}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task The_sample_log_keeps_its_ranking(string model)
    {
        var row = await RunAsync("samples/sample_access.log", model);

        Assert.True(row.RocAuc >= 0.99, $"ROC-AUC {row.RocAuc}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task The_apache_error_log_is_read_and_scored(string model)
    {
        var row = await RunAsync("logs/Apache_2k.log", model);

        Assert.Equal(2_000, row.Records);
        Assert.True(row.FlaggedPercent < 10, $"{row.FlaggedPercent}% flagged");
    }

    /// <summary>The labelled sets the flag is judged on: the ODDS tables, BGL's alerts, the CSIC 2010 test set and the injected attacks.</summary>
    private IEnumerable<string> FlagSets => runner.Sets.Select(s => s.Name)
        .Where(n => n.StartsWith("odds/", StringComparison.Ordinal) || n.StartsWith("sessions/", StringComparison.Ordinal)
            || n is "logs/BGL_2k.log_structured.csv" or "web/csic2010_test.csv.gz" or "injected/elastic+attacks.log");

    [Theory]
    [MemberData(nameof(Models))]
    public async Task The_flag_comes_close_to_the_best_threshold_on_the_labelled_sets(string model)
    {
        var ratios = new List<double>();
        foreach (var set in FlagSets)
        {
            var row = await RunAsync(set, model);
            Assert.NotNull(row.Flag);
            output.WriteLine($"  F1 {row.Flag.F1:0.000} of best {row.Flag.BestF1:0.000}: {row.Flag.F1Ratio:0.000}");
            ratios.Add(row.Flag.F1Ratio);
        }

        Assert.True(ratios.Count >= 15, $"only {ratios.Count} labelled sets found under {TestData.SharedData}");
        ratios.Sort();
        var median = (ratios[(ratios.Count - 1) / 2] + ratios[ratios.Count / 2]) / 2;
        Assert.True(median >= 0.8, $"median F1(flag)/F1(best) {median:0.000}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task No_set_that_ranks_well_is_left_with_nothing_flagged(string model)
    {
        foreach (var set in FlagSets)
        {
            var row = await RunAsync(set, model);
            Assert.False(row.RocAuc >= 0.9 && row.FlaggedPercent == 0, $"{set}: ROC-AUC {row.RocAuc:0.000} but nothing flagged");
        }
    }

    [Theory]
    [InlineData("odds/shuttle")]
    [InlineData("odds/thyroid")]
    [InlineData("odds/wbc")]
    public async Task A_table_with_obvious_outliers_flags_most_of_them(string set)
    {
        var row = await RunAsync(set, DetectorNames.IsolationForest);

        Assert.Equal("split", row.ThresholdMethod);
        Assert.True(row.Flag!.Recall >= 0.8, $"recall {row.Flag.Recall:0.000}");
        Assert.True(row.FlaggedPercent <= 15, $"{row.FlaggedPercent:0.0}% flagged");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task The_loghub_systems_are_read_as_line_logs_and_stay_quiet(string model)
    {
        foreach (var set in runner.Sets.Where(s => s.Name.StartsWith("loghub/", StringComparison.Ordinal)))
        {
            var row = await RunAsync(set.Name, model);
            Assert.Equal(2_000, row.Records);
            Assert.True(row.FlaggedPercent <= 6, $"{set.Name}: {row.FlaggedPercent:0.0}% flagged");
        }
    }

    [Fact]
    public async Task The_readme_quality_tables_are_what_bench_quality_prints()
    {
        var rows = new List<QualityRow>();
        foreach (var set in runner.Sets)
        {
            foreach (var model in new[] { DetectorNames.IsolationForest, DetectorNames.Autoencoder })
            {
                rows.Add(await RunAsync(set.Name, model));
            }
        }

        List<string> printed =
        [
            .. QualityTable.Header, .. rows.Select(QualityTable.Row), "",
            .. QualityTable.MediansHeader, .. new[] { DetectorNames.IsolationForest, DetectorNames.Autoencoder }.Select(m => QualityTable.Medians(m, rows)),
        ];
        var quoted = ReadmeRegion("<!-- figures: ./run.sh bench quality -->");
        var first = Enumerable.Range(0, Math.Max(printed.Count, quoted.Count))
            .FirstOrDefault(i => i >= printed.Count || i >= quoted.Count || printed[i] != quoted[i], -1);
        Assert.True(first < 0,
            $"The README's quality table differs from bench quality's at its line {first + 1}:\n README: {quoted.ElementAtOrDefault(first)}\n bench:  {printed.ElementAtOrDefault(first)}\n" +
            "Run scripts/readme-figures.py to write the tables again.");
    }

    /// <summary>The lines of the README between a figures marker and its end.</summary>
    private static List<string> ReadmeRegion(string marker)
    {
        var lines = File.ReadAllLines(Path.Combine(TestData.RepositoryRoot, "README.md"));
        var start = Array.IndexOf(lines, marker);
        Assert.True(start >= 0, $"the README has no '{marker}'");
        var end = Array.IndexOf(lines, "<!-- /figures -->", start);
        return [.. lines[(start + 1)..end]];
    }
}

using AnomalyStudio.Core;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Formats.AccessLog;
using AnomalyStudio.Core.Formats.Csv;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Pipeline;

public sealed class DetectionPipelineTests : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task Finds_the_injected_attacks_in_the_sample_access_log()
    {
        var result = await _test.RunFileAsync(TestData.Samples("sample_access.log"), DetectionMode.Auto, labels: TestData.Samples("sample_access.labels.csv"));

        Assert.Equal(AccessLogFormat.FormatName, result.Format.Name);
        Assert.Equal(5_000, result.Summary.Total);
        Assert.Equal(0, result.Summary.SkippedLines);
        Assert.True(result.Summary.RocAuc > 0.97, $"ROC-AUC {result.Summary.RocAuc}");
        Assert.True(result.Summary.AveragePrecision > 0.9, $"AP {result.Summary.AveragePrecision}");
        Assert.InRange(result.Summary.AnomalyPercent, 5, 15);
        Assert.Equal(result.Summary.Total, result.Summary.SeverityCounts.Anomalies + result.Summary.SeverityCounts.Normal);

        // The exfiltration requests (tens of MB) are flagged and say why; the most severe record is high or critical.
        var lines = File.ReadAllLines(TestData.Samples("sample_access.log"));
        var exfiltration = result.Records.Where(r => long.TryParse(lines[r.Line - 1].Split('"')[2].Trim().Split(' ')[1], out var bytes) && bytes > 10_000_000).ToList();
        Assert.NotEmpty(exfiltration);
        Assert.All(exfiltration, r => Assert.Contains("median size", r.Explanation));
        Assert.All(exfiltration, r => Assert.True(r.IsAnomaly, $"line {r.Line} scored {r.Score}"));
        Assert.True(result.Records.Max(r => r.Severity) >= Severity.High);
    }

    [Theory]
    [InlineData(DetectorNames.IsolationForest)]
    [InlineData(DetectorNames.Autoencoder)]
    public async Task A_moved_threshold_rebands_without_rescoring_and_matches_a_run_asked_for_it(string model)
    {
        var path = TestData.Samples("sample_access.log");
        var result = await _test.RunFileAsync(path, DetectionMode.Auto, model, TestData.Samples("sample_access.labels.csv"));
        var flag = new FlagOverride { Top = 50 };

        var moved = result.WithThreshold(flag.Resolve(result.Records.Scores));
        await using var stream = File.OpenRead(path);
        await using var labels = File.OpenRead(TestData.Samples("sample_access.labels.csv"));
        var asked = await _test.Pipeline.RunAsync(stream, new DetectionRequest { FileName = "sample_access.log", Mode = DetectionMode.Auto, Model = model, Labels = labels, Flag = flag });

        Assert.Same(result.Records.Scores, moved.Records.Scores);
        Assert.Equal(asked.Records.Scores, moved.Records.Scores);
        Assert.Equal(asked.Records.Severities, moved.Records.Severities);
        Assert.Equal(asked.Records.Explanations, moved.Records.Explanations);
        Assert.Equal(asked.Summary, moved.Summary);
        Assert.Equal(ThresholdMethod.Top, moved.Threshold.Method);
        Assert.InRange(moved.Summary.Anomalies, 50, 60);
        Assert.Equal(result.Summary.Flag!.BestF1, moved.Summary.Flag!.BestF1);

        var back = moved.WithThreshold(null);
        Assert.Equal(result.Records.Severities, back.Records.Severities);
        Assert.Equal(result.Summary, back.Summary);
        Assert.Equal(result.Threshold, back.Threshold);
    }

    [Fact]
    public async Task A_threshold_moved_down_up_and_down_again_explains_the_records_it_flags_as_a_run_asked_for_it()
    {
        // The second move down finds the explanations the first one wrote; they must be what a run asked for the
        // threshold writes.
        var path = TestData.Samples("sample_access.log");
        var result = await _test.RunFileAsync(path, DetectionMode.Auto, DetectorNames.IsolationForest, TestData.Samples("sample_access.labels.csv"));
        var lower = new FlagOverride { Score = Math.Max(0, result.FileThreshold.Score - 0.1) };
        var higher = new FlagOverride { Top = 10 };

        var down = result.WithThreshold(lower.Resolve(result.Records.Scores));
        var again = down.WithThreshold(higher.Resolve(down.Records.Scores)).WithThreshold(lower.Resolve(result.Records.Scores));
        await using var stream = File.OpenRead(path);
        await using var labels = File.OpenRead(TestData.Samples("sample_access.labels.csv"));
        var asked = await _test.Pipeline.RunAsync(stream, new DetectionRequest { FileName = "sample_access.log", Mode = DetectionMode.Auto, Labels = labels, Flag = lower });

        Assert.True(down.Summary.Anomalies > result.Summary.Anomalies, "the lower threshold flags more records");
        Assert.Equal(asked.Records.Severities, again.Records.Severities);
        Assert.Equal(asked.Records.Explanations, down.Records.Explanations);
        Assert.Equal(asked.Records.Explanations, again.Records.Explanations);
        Assert.Equal(asked.Summary, again.Summary);
    }

    [Fact]
    public async Task A_moved_threshold_keeps_everything_but_the_bands_of_a_line_log()
    {
        var result = await _test.RunFileAsync(TestData.Shared("logs", "Apache_2k.log"), DetectionMode.Auto, population: true);

        var moved = result.WithThreshold(new FlagOverride { Top = 10 }.Resolve(result.Records.Scores));

        // Every property but the ones a threshold decides is the same object: a new field cannot be dropped silently.
        string[] banded = [nameof(DetectionResult.Records), nameof(DetectionResult.Summary), nameof(DetectionResult.Threshold), nameof(DetectionResult.Elapsed)];
        foreach (var property in typeof(DetectionResult).GetProperties().Where(p => !banded.Contains(p.Name)))
        {
            Assert.True(Equals(property.GetValue(result), property.GetValue(moved)), $"{property.Name} changed");
        }

        Assert.NotNull(moved.Templates);
    }

    [Fact]
    public async Task The_same_file_gets_the_same_threshold_bit_for_bit()
    {
        var path = TestData.Shared("tabular", "cardio.csv");

        var first = await _test.RunFileAsync(path, DetectionMode.Auto);
        var again = await _test.RunFileAsync(path, DetectionMode.Auto);

        Assert.Equal(ThresholdMethod.Split, first.Threshold.Method);
        Assert.Equal(first.Threshold, again.Threshold);
        Assert.Equal(first.Records.Scores, again.Records.Scores);
    }

    [Fact]
    public async Task Explains_attacks_by_name_with_the_strongest_reason_first()
    {
        var result = await _test.RunFileAsync(TestData.Samples("sample_access.log"));
        var lines = File.ReadAllLines(TestData.Samples("sample_access.log"));

        var traversal = result.Records.First(r => r.IsAnomaly && lines[r.Line - 1].Contains("/etc/passwd HTTP", StringComparison.Ordinal));
        Assert.StartsWith("URI contains path traversal (../", traversal.Explanation);

        var union = result.Records.First(r => r.IsAnomaly && lines[r.Line - 1].Contains("UNION%20SELECT", StringComparison.Ordinal));
        Assert.StartsWith("URI contains SQL injection", union.Explanation);
        Assert.Contains("scanner user agent (sqlmap)", union.Explanation);

        Assert.All(result.Records.Where(r => !r.IsAnomaly), r => Assert.Equal("nothing unusual", r.Explanation));
    }

    [Fact]
    public async Task Same_file_model_and_seed_give_bit_identical_scores_in_both_modes()
    {
        foreach (var mode in new[] { DetectionMode.Pretrained, DetectionMode.Fit })
        {
            var first = await _test.RunFileAsync(TestData.Samples("sample_metrics.csv"), mode);
            using var other = new TestPipeline();
            var second = await other.RunFileAsync(TestData.Samples("sample_metrics.csv"), mode);

            Assert.Equal(first.Records.Select(r => BitConverter.DoubleToInt64Bits(r.Score)), second.Records.Select(r => BitConverter.DoubleToInt64Bits(r.Score)));
        }
    }

    [Fact]
    public async Task A_pretrained_records_score_does_not_depend_on_the_other_records_scored_with_it()
    {
        var result = await _test.RunFileAsync(TestData.Samples("sample_access.log"), DetectionMode.Pretrained);
        var model = await _test.Store.GetOrTrainAsync(DetectorNames.IsolationForest, FeatureKind.AccessLog);

        // Score single rows and a shuffled subset on their own: a per-file normalisation would change them.
        int[] rows = [4_999, 17, 1_104, 3, 2_500];
        var evidence = rows.Select(r => result.Evidence![r]).ToArray();
        var alone = rows.Select((r, i) => model.Calibration.Normalise(model.Model.Score(result.Features.Select([r]))[0], evidence[i]));
        var together = model.Calibration.Normalise(model.Model.Score(result.Features.Select(rows)), evidence);

        Assert.Equal(rows.Select(r => result.Records[r].Score), alone);
        Assert.Equal(rows.Select(r => result.Records[r].Score), together);
    }

    /// <summary>The sample log without the lines its ground truth marks as attacks.</summary>
    private static string CleanSampleLog()
    {
        var labels = File.ReadAllLines(TestData.Samples("sample_access.labels.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(p => long.Parse(p[0]), p => p[1] == "1");
        return string.Join('\n', File.ReadAllLines(TestData.Samples("sample_access.log")).Where((_, i) => !labels[i + 1]));
    }

    [Fact]
    public async Task A_clean_file_gets_no_critical_records()
    {
        var text = CleanSampleLog();

        var pretrained = await _test.RunTextAsync(text, "clean.log");
        var fitted = await _test.RunTextAsync(text, "clean.log", DetectionMode.Fit);

        Assert.Equal(0, pretrained.Summary.SeverityCounts.Critical);
        Assert.Equal(0, fitted.Summary.SeverityCounts.Critical);
        Assert.True(pretrained.Summary.AnomalyPercent < 10, $"{pretrained.Summary.AnomalyPercent}% of a clean file flagged");
    }

    [Fact]
    public async Task Fit_mode_with_the_contamination_calibration_flags_about_the_contamination_share()
    {
        using var quota = new TestPipeline(new PipelineOptions { Calibration = new CalibrationOptions { Method = CalibrationMethod.Contamination } });
        var result = await quota.RunFileAsync(TestData.Samples("sample_access.log"), DetectionMode.Fit, labels: TestData.Samples("sample_access.labels.csv"));

        Assert.InRange(result.Summary.AnomalyPercent, 8, 12);
        Assert.True(result.Summary.RocAuc > 0.95, $"ROC-AUC {result.Summary.RocAuc}");
    }

    [Fact]
    public async Task The_default_calibration_sets_no_quota_the_share_flagged_follows_the_file()
    {
        var attacked = await _test.RunFileAsync(TestData.Samples("sample_access.log"), DetectionMode.Fit);
        var clean = await _test.RunTextAsync(CleanSampleLog(), "clean.log", DetectionMode.Fit);

        Assert.True(clean.Summary.AnomalyPercent < attacked.Summary.AnomalyPercent / 2, $"clean {clean.Summary.AnomalyPercent}%, attacked {attacked.Summary.AnomalyPercent}%");
        Assert.True(clean.Summary.AnomalyPercent < 1, $"{clean.Summary.AnomalyPercent}% of a clean file flagged");
    }

    [Fact]
    public async Task Scores_the_real_elastic_access_log()
    {
        var result = await _test.RunFileAsync(TestData.Shared("logs", "apache_access_elastic.log"));

        Assert.Equal(10_000, result.Summary.Total);
        Assert.Equal(0, result.Summary.SkippedLines);
        Assert.All(result.Records, r => Assert.InRange(r.Score, 0, 1));
        Assert.Contains(result.Records, r => r.IsAnomaly);
        Assert.Equal("83.149.9.216", result.Records[0].Identifier);
        Assert.Equal(new DateTimeOffset(2015, 5, 17, 10, 5, 3, TimeSpan.Zero), result.Records[0].Timestamp);
    }

    [Fact]
    public async Task Evaluates_csv_files_against_their_label_column()
    {
        var metrics = await _test.RunFileAsync(TestData.Samples("sample_metrics.csv"));
        Assert.Equal(CsvFormat.FormatName, metrics.Format.Name);
        Assert.True(metrics.Summary.RocAuc > 0.95, $"ROC-AUC {metrics.Summary.RocAuc}");
        Assert.Equal("web-03", metrics.Records.First(r => metrics.Source.Fields(r.Index).Any(f => f.Name == "host" && f.Value == "web-03")).Identifier);
        Assert.NotNull(metrics.Records[0].Timestamp);

        var bgl = await _test.RunFileAsync(TestData.Shared("logs", "BGL_2k.log_structured.csv"));
        Assert.Equal(2_000, bgl.Summary.Total);
        Assert.NotNull(bgl.Summary.RocAuc);
        Assert.Equal(143, bgl.Labels!.Count(l => l));
    }

    [Fact]
    public async Task Fit_mode_on_a_tabular_benchmark_uses_its_numeric_columns()
    {
        var result = await _test.RunFileAsync(TestData.Shared("tabular", "thyroid.csv"), DetectionMode.Fit);

        Assert.Equal(new[] { "f0", "f1", "f2", "f3", "f4", "f5" }, result.Features.Names);
        Assert.True(result.Summary.RocAuc > 0.95, $"ROC-AUC {result.Summary.RocAuc}");
        Assert.StartsWith("row ", result.Records[0].Identifier);
    }

    [Fact]
    public async Task Reports_skipped_lines_with_numbers_and_reasons()
    {
        var lines = File.ReadAllLines(TestData.Samples("sample_access.log")).Take(50).ToList();
        lines.Insert(3, "this is not a log line");
        lines.Insert(10, "1.2.3.4 - - [not a time] \"GET / HTTP/1.1\" 200 5");

        var result = await _test.RunTextAsync(string.Join('\n', lines), "broken.log");

        Assert.Equal(50, result.Summary.Total);
        Assert.Equal(2, result.Summary.SkippedLines);
        Assert.Equal([4L, 11L], result.SkippedExamples.Select(s => s.LineNumber));
        Assert.Contains("timestamp", result.SkippedExamples[1].Reason);
        Assert.Equal(5, result.Records[3].Line);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("\n\n  \n", "blank")]
    [InlineData("just some words\nmore words\n", "Unsupported format")]
    public async Task Refuses_unusable_input_with_a_clear_message(string content, string expected)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => _test.RunTextAsync(content, "input.txt"));
        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_model_names_are_the_users_error()
    {
        await using var stream = File.OpenRead(TestData.Samples("sample_access.log"));
        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            _test.Pipeline.RunAsync(stream, new DetectionRequest { FileName = "x.log", Model = "random-guess" }));
        Assert.Contains("isolation-forest", error.Message);
    }

    [Fact]
    public async Task Reports_progress_through_the_stages_in_order()
    {
        var stages = new List<PipelineStage>();
        await using var stream = File.OpenRead(TestData.Samples("sample_access.log"));
        await _test.Pipeline.RunAsync(stream, new DetectionRequest { FileName = "s.log", Mode = DetectionMode.Fit }, new SyncProgress<PipelineProgress>(p => stages.Add(p.Stage)));

        var distinct = stages.Distinct().ToList();
        Assert.Equal([PipelineStage.Parsing, PipelineStage.Features, PipelineStage.Training, PipelineStage.Scoring, PipelineStage.Explaining, PipelineStage.Done], distinct);
    }

    [Fact]
    public async Task Auto_mode_fits_a_file_big_enough_to_be_its_own_baseline_and_says_so()
    {
        var big = await _test.RunFileAsync(TestData.Samples("sample_access.log"), DetectionMode.Auto);
        var small = await _test.RunTextAsync(string.Join('\n', File.ReadAllLines(TestData.Samples("sample_access.log")).Take(150)), "small.log", DetectionMode.Auto);

        Assert.Equal(DetectionMode.Fit, big.Mode);
        Assert.Contains(big.Notes, n => n.StartsWith("Baseline: the file itself (5,000 records)", StringComparison.Ordinal));
        Assert.Equal(DetectionMode.Pretrained, small.Mode);
        Assert.Contains(small.Notes, n => n.Contains("fewer than 200 records", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DetectionMode.Fit, "as fit mode asks")]
    [InlineData(DetectionMode.Pretrained, "as pretrained mode asks")]
    public async Task Every_mode_says_which_baseline_it_used(DetectionMode mode, string words)
    {
        var result = await _test.RunFileAsync(TestData.Samples("sample_access.log"), mode);

        Assert.Contains(result.Notes, n => n.StartsWith("Baseline:", StringComparison.Ordinal) && n.Contains(words, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, DetectionMode.Auto)]
    [InlineData("", DetectionMode.Auto)]
    [InlineData(" AUTO ", DetectionMode.Auto)]
    [InlineData("pretrained", DetectionMode.Pretrained)]
    [InlineData("fit", DetectionMode.Fit)]
    public void Reads_the_mode_words_the_cli_and_api_share(string? word, DetectionMode mode)
    {
        Assert.Equal(mode, DetectionModes.Parse(word));
        Assert.Contains(DetectionModes.Of(mode), DetectionModes.Names);
    }

    [Fact]
    public void An_unknown_mode_names_the_choices()
    {
        var error = Assert.Throws<InvalidInputException>(() => DetectionModes.Parse("quota"));

        Assert.Contains("auto, pretrained, fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_nginx_hex_escapes_inside_the_request_as_the_characters_they_stand_for()
    {
        // Nginx writes a quote inside the request as \x22, Apache as \"; both reach the content features decoded.
        var lines = File.ReadAllLines(TestData.Samples("sample_access.log")).Take(300).ToList();
        lines.Add("203.0.113.9 - - [02/Nov/2026:23:59:59 +0000] \"GET /search?q=\\x22%3E%3Cscript%3Ealert(1)%3C/script%3E HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"");
        lines.Add("203.0.113.9 - - [02/Nov/2026:23:59:59 +0000] \"GET /search?q=\\\"%20OR%201=1-- HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"");

        var result = await _test.RunTextAsync(string.Join('\n', lines), "nginx.log", DetectionMode.Auto);

        Assert.Equal(0, result.Summary.SkippedLines);
        var nginx = result.Records[^2];
        var apache = result.Records[^1];
        Assert.True(result.Features[result.Records.Count - 2, AccessLogFeatureExtractor.UriPayload] >= 4, "\\x22\"><script>alert( carries a quote, < >, script and alert(");
        Assert.Contains("cross-site scripting", nginx.Explanation, StringComparison.Ordinal);
        Assert.True(nginx.IsAnomaly && apache.IsAnomaly, $"{nginx.Score} {apache.Score}");
    }

    [Fact]
    public async Task A_table_whose_only_other_column_is_a_date_part_is_fitted_on_the_summary_instead_of_failing()
    {
        var text = "host,month,label\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"web-{i % 5},{(i % 2 == 0 ? "Jan" : "Feb")},0\n"));

        var result = await _test.RunTextAsync(text, "months.csv", DetectionMode.Fit);

        Assert.Equal(300, result.Summary.Total);
        Assert.Equal(CsvFeatureExtractor.SummaryNames, result.Features.Names);
        Assert.Contains(result.Notes, n => n.Contains("no column to learn from", StringComparison.Ordinal));
    }
}

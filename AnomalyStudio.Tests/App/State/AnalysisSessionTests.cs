using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Configuration;
using AnomalyStudio.App.Security;
using AnomalyStudio.App.State;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.Tests.App.State;

/// <summary>The per-circuit session without a browser: uploads replace results, errors keep them, idleness releases them.</summary>
public sealed class AnalysisSessionTests : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private readonly ScratchDirectory _files = new("session-test");

    public void Dispose()
    {
        _test.Dispose();
        _files.Dispose();
    }

    private AnalysisSession NewSession(
        long maxUploadBytes = 100L * 1024 * 1024, DetectionGate? gate = null, long maxResultBytes = long.MaxValue, ResultMemoryBudget? budget = null)
    {
        var options = Options.Create(new AnomalyStudioOptions { SessionIdleTimeoutSeconds = 4, MaxUploadBytes = maxUploadBytes, MaxSessionResultBytes = maxResultBytes });
        return new(new DetectionAdmission(_test.Pipeline, gate ?? new DetectionGate(options), budget ?? new ResultMemoryBudget(options), options), options, _clock, NullLogger<AnalysisSession>.Instance);
    }

    [Fact]
    public async Task Sessions_share_the_servers_result_budget_and_give_their_share_back_when_they_drop_results()
    {
        var csv = TestData.Samples("sample_metrics.csv");
        var size = ResultFootprint.Of(await _test.RunFileAsync(csv, AnomalyStudio.Core.Pipeline.DetectionMode.Auto, population: true));
        var budget = new ResultMemoryBudget(Options.Create(new AnomalyStudioOptions { MaxTotalResultBytes = size * 3 / 2 }));
        using var first = NewSession(budget: budget);
        using var second = NewSession(budget: budget);

        await UploadAsync(first, csv);
        Assert.Equal(size, budget.Held);
        await UploadAsync(second, csv);

        Assert.Contains("AnomalyStudio:MaxTotalResultBytes", second.Error);
        Assert.EndsWith("The previous results are kept.", second.Error);
        Assert.Null(second.Result);

        // Replacing a result swaps its share; clearing gives it back, and the other session then fits.
        await UploadAsync(first, csv);
        Assert.Null(first.Error);
        Assert.Equal(size, budget.Held);
        first.Clear();
        Assert.Equal(0, budget.Held);
        await UploadAsync(second, csv);
        Assert.Null(second.Error);
        Assert.Equal(size, budget.Held);

        // The idle release and the end of the circuit give it back too.
        _clock.Advance(TimeSpan.FromSeconds(10));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (budget.Held != 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100); // the idle check runs on a timer thread
        }

        Assert.Null(second.Result);
        Assert.Equal(0, budget.Held);
        await UploadAsync(first, csv);
        first.Dispose();
        Assert.Equal(0, budget.Held);
    }

    private static DetectionGate Gate(int concurrent, int queued) =>
        new(Options.Create(new AnomalyStudioOptions { MaxConcurrentDetections = concurrent, MaxQueuedDetections = queued, BusyRetryAfterSeconds = 7 }));

    private static Task UploadAsync(AnalysisSession session, string path) =>
        session.UploadAndRunAsync(Path.GetFileName(path), new FileInfo(path).Length, _ => File.OpenRead(path));

    [Fact]
    public async Task Keeps_its_upload_in_the_private_directory_only_while_it_needs_it()
    {
        // Content no other test uploads, to find this session's copy among those of tests running alongside.
        var marker = Guid.NewGuid().ToString("N");
        var first = WriteTemp("first.csv", "host,latency_ms\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"{marker}-{i % 5},{100 + (i % 17)}\n")));
        var second = WriteTemp("second.csv", File.ReadAllText(first).Replace(marker, marker + "b", StringComparison.Ordinal));
        using var session = NewSession();

        await UploadAsync(session, first);
        var firstCopy = Assert.Single(CopiesOf(first));
        Assert.Equal(PrivateTempDirectory.Directory.FullName, firstCopy.Directory!.Parent!.FullName);
        Assert.Equal("upload", firstCopy.Name); // never the analyst's file name
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, firstCopy.Directory.UnixFileMode);
        }

        await session.RunAsync(); // another run reads the same copy
        Assert.True(firstCopy.Exists);

        await UploadAsync(session, second);
        Assert.False(Directory.Exists(firstCopy.DirectoryName)); // replaced
        var secondCopy = Assert.Single(CopiesOf(second));

        session.Dispose();
        Assert.False(Directory.Exists(secondCopy.DirectoryName)); // the tab closed
    }

    private string WriteTemp(string name, string content)
    {
        var path = _files.PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The sessions' copies of this file in the private directory; other tests' sessions come and go meanwhile.</summary>
    private static List<FileInfo> CopiesOf(string path)
    {
        var content = File.ReadAllBytes(path);
        var copies = new List<FileInfo>();
        foreach (var directory in Directory.GetDirectories(PrivateTempDirectory.Directory.FullName))
        {
            try
            {
                var copy = new FileInfo(Path.Combine(directory, "upload"));
                if (copy.Exists && copy.Length == content.Length && File.ReadAllBytes(copy.FullName).SequenceEqual(content))
                {
                    copies.Add(copy);
                }
            }
            catch (IOException)
            {
                // Deleted by its own session while we looked: not a copy of ours.
            }
        }

        return copies;
    }

    [Fact]
    public async Task A_new_upload_replaces_the_results_and_a_bad_one_keeps_them()
    {
        using var session = NewSession();
        await UploadAsync(session, TestData.Samples("sample_access.log"));
        Assert.Equal(5_000, session.Result!.Summary.Total);
        Assert.Equal("sample_access.log", session.FileName);

        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.log");
        await File.WriteAllTextAsync(bad, "");
        try
        {
            await UploadAsync(session, bad);
        }
        finally
        {
            File.Delete(bad);
        }

        Assert.Contains("empty", session.Error);
        Assert.Equal("sample_access.log", session.FileName);
        Assert.Equal(5_000, session.Result.Summary.Total);

        await UploadAsync(session, TestData.Samples("sample_metrics.csv"));
        Assert.Null(session.Error);
        Assert.Equal("sample_metrics.csv", session.Result!.FileName);
    }

    [Fact]
    public async Task Another_model_reruns_the_same_file()
    {
        using var session = NewSession();
        await UploadAsync(session, TestData.Samples("sample_metrics.csv"));
        session.ChooseModel(DetectorNames.Autoencoder);

        await session.RunAsync();

        Assert.Equal(DetectorNames.Autoencoder, session.Result!.Model);
        Assert.Equal("sample_metrics.csv", session.FileName);
    }

    [Fact]
    public async Task Refuses_a_file_over_the_upload_limit_with_a_clear_message()
    {
        using var session = NewSession(maxUploadBytes: 1024 * 1024);

        await UploadAsync(session, TestData.Samples("sample_access.log"));

        Assert.Equal("sample_access.log is 1.1 MB; the largest file accepted is 1 MB.", session.Error);
        Assert.Null(session.Result);
    }

    [Fact]
    public async Task Says_the_server_is_busy_when_every_slot_and_queue_place_is_taken_and_keeps_the_results()
    {
        using var gate = Gate(concurrent: 1, queued: 0);
        using var session = NewSession(gate: gate);
        await UploadAsync(session, TestData.Samples("sample_metrics.csv"));

        using (var elsewhere = await gate.EnterAsync(null, CancellationToken.None))
        {
            Assert.True(elsewhere.IsEntered);
            await UploadAsync(session, TestData.Samples("sample_access.log"));
        }

        Assert.Equal("The server is busy with other detections; try again in 7 s.", session.Error);
        Assert.Equal("sample_metrics.csv", session.FileName);
        Assert.Equal("sample_metrics.csv", session.Result!.FileName);
        Assert.False(session.IsRunning);
    }

    [Fact]
    public async Task Waits_for_a_free_detection_slot_and_says_so_meanwhile()
    {
        using var gate = Gate(concurrent: 1, queued: 1);
        using var session = NewSession(gate: gate);
        var elsewhere = await gate.EnterAsync(null, CancellationToken.None);
        var messages = new System.Collections.Concurrent.ConcurrentQueue<string>();
        session.Changed += () =>
        {
            if (session.Progress is { } progress)
            {
                messages.Enqueue(progress.Message);
            }
        };

        var upload = UploadAsync(session, TestData.Samples("sample_metrics.csv"));
        await WaitUntilAsync(() => gate.Queued == 1);
        Assert.False(upload.IsCompleted);
        Assert.StartsWith(AnalysisSession.WaitingMessage, session.Progress!.Message);

        elsewhere.Dispose();
        await upload;

        Assert.Null(session.Error);
        Assert.Equal(5_000, session.Result!.Summary.Total);
        Assert.Contains(messages, m => m.StartsWith(AnalysisSession.WaitingMessage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_while_waiting_for_a_slot_keeps_the_results()
    {
        using var gate = Gate(concurrent: 1, queued: 1);
        using var session = NewSession(gate: gate);
        await UploadAsync(session, TestData.Samples("sample_metrics.csv"));
        using var elsewhere = await gate.EnterAsync(null, CancellationToken.None);

        var rerun = session.RunAsync();
        await WaitUntilAsync(() => gate.Queued == 1);
        session.Cancel();
        await rerun;

        Assert.Contains("cancelled", session.Error);
        Assert.Equal(5_000, session.Result!.Summary.Total);
        // The limiter takes a cancelled waiter off its count in its own cancellation callback: wait for that, not assume its order.
        await WaitUntilAsync(() => gate.Queued == 0);
    }

    [Fact]
    public async Task Refuses_a_result_over_the_session_memory_cap_naming_both_sizes_and_keeps_the_previous_one()
    {
        // The cap is the smaller sample's own size: it fits exactly, the larger one does not.
        var samples = new List<(string Path, long Bytes, AnomalyStudio.Core.Pipeline.DetectionResult Result)>();
        foreach (var name in new[] { "sample_metrics.csv", "sample_access.log" })
        {
            var result = await _test.RunFileAsync(TestData.Samples(name), AnomalyStudio.Core.Pipeline.DetectionMode.Auto, population: true);
            samples.Add((TestData.Samples(name), ResultFootprint.Of(result), result));
        }

        samples.Sort((a, b) => a.Bytes.CompareTo(b.Bytes));
        var (smallPath, cap, _) = samples[0];
        var (largePath, largeBytes, large) = samples[1];
        Assert.True(largeBytes > cap, $"{largeBytes} <= {cap}");
        using var session = NewSession(maxResultBytes: cap);
        await UploadAsync(session, smallPath);
        Assert.Null(session.Error);

        await UploadAsync(session, largePath);

        Assert.Equal(SessionResultLimit.Refusal(large, cap) + " The previous results are kept.", session.Error);
        Assert.Contains($"{largeBytes / 1048576.0:N1} MB in memory; a session keeps at most {cap / 1048576.0:N1} MB", session.Error);
        Assert.Equal(Path.GetFileName(smallPath), session.FileName);
        Assert.Equal(Path.GetFileName(smallPath), session.Result!.FileName);
    }

    /// <summary>Waits for something another task does; the deadline only keeps a broken build from hanging.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition never came true.");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Releases_the_results_of_an_idle_session()
    {
        using var session = NewSession();
        await UploadAsync(session, TestData.Samples("sample_metrics.csv"));
        Assert.NotNull(session.Result);

        // The release runs on the timer thread and ends by raising Changed; only then is all of it done.
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Changed += () =>
        {
            if (session.Result is null)
            {
                released.TrySetResult();
            }
        };
        _clock.Advance(TimeSpan.FromSeconds(10));
        await released.Task.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Null(session.Result);
        Assert.Null(session.FileName);
        Assert.Contains("without activity", session.Notice);
    }

    [Fact]
    public async Task Clear_empties_the_session()
    {
        using var session = NewSession();
        await UploadAsync(session, TestData.Samples("sample_metrics.csv"));

        session.Clear();

        Assert.Null(session.Result);
        Assert.Null(session.View);
        Assert.Null(session.FileName);
        await session.RunAsync(); // nothing to run
        Assert.Null(session.Result);
    }

    [Fact]
    public async Task Moving_the_threshold_rebands_the_results_and_keeps_the_tables_filters()
    {
        using var session = NewSession();
        await UploadAsync(session, TestData.Shared("tabular", "thyroid.csv"));
        var scored = session.Result!;
        session.UpdateView(v => v.SetSearch("f1"));
        session.UpdateView(v => v.Toggle(AnomalyStudio.Core.Scoring.Severity.Normal));

        session.SetThreshold(new AnomalyStudio.Core.Scoring.FlagOverride { Top = 40 });

        var moved = session.Result!;
        Assert.Same(scored.Records.Scores, moved.Records.Scores);
        Assert.InRange(moved.Summary.Anomalies, 40, 45);
        Assert.Equal(AnomalyStudio.Core.Scoring.ThresholdMethod.Top, moved.Threshold.Method);
        Assert.Equal("f1", session.View!.Search);
        Assert.DoesNotContain(AnomalyStudio.Core.Scoring.Severity.Normal, session.View.Severities);
        Assert.All(session.View.Indices, i => Assert.NotEqual(AnomalyStudio.Core.Scoring.Severity.Normal, moved.Records.Severities[i]));

        session.SetThreshold(new AnomalyStudio.Core.Scoring.FlagOverride { Score = 2 });
        Assert.Contains("between 0 and 1", session.Error, StringComparison.Ordinal);
        Assert.Same(moved, session.Result);

        session.SetThreshold(null);
        Assert.Null(session.Error);
        Assert.Equal(scored.Summary, session.Result!.Summary);
        Assert.Equal(scored.Threshold, session.Result.Threshold);
    }

    [Fact]
    public async Task Marking_a_value_as_expected_rescores_at_once_is_undone_exported_imported_and_kept_for_the_next_run()
    {
        using var session = NewSession();
        await UploadAsync(session, TestData.Samples("sample_access.log"));
        var scored = session.Result!;
        var flagged = Enumerable.Range(0, scored.Records.Count).First(i => scored.Records.Severities[i] != AnomalyStudio.Core.Scoring.Severity.Normal);
        var client = scored.Records.Identifier(flagged);
        var rule = AnomalyStudio.Core.Feedback.ExpectedRule.FieldEquals("client", client);

        session.MarkExpected(rule);

        Assert.Equal(AnomalyStudio.Core.Scoring.Severity.Normal, session.Result!.Records.Severities[flagged]);
        Assert.Equal(Enumerable.Range(0, scored.Records.Count).Count(i => scored.Records.Identifier(i) == client), session.Result.Expected);
        Assert.True(session.Result.Summary.Anomalies < scored.Summary.Anomalies);
        Assert.Contains(flagged, session.View!.Indices);

        var exported = session.ExportRules();
        session.Unmark(rule);
        Assert.Equal(scored.Summary, session.Result!.Summary);
        Assert.Equal(0, session.Rules.Count);

        await session.ImportRulesAsync("rules.json", exported.Length, _ => new MemoryStream(exported));
        Assert.Equal([rule], session.Rules.Rules);
        await session.RunAsync(); // a run of the same file keeps the analyst's rules
        Assert.Equal(AnomalyStudio.Core.Scoring.Severity.Normal, session.Result!.Records.Severities[flagged]);

        var broken = "{\"rules\":[{\"field\":\"client\"}]}"u8.ToArray();
        await session.ImportRulesAsync("broken.json", broken.Length, _ => new MemoryStream(broken));
        Assert.Contains("Rule 1 of the rules file 'broken.json'", session.Error, StringComparison.Ordinal);
        Assert.Equal([rule], session.Rules.Rules); // a broken file leaves the rules as they were
    }

    [Fact]
    public async Task Says_how_it_read_the_file_and_reads_it_again_with_the_format_the_analyst_chooses()
    {
        using var session = NewSession();
        var spark = TestData.Shared("loghub", "Spark_2k.log");

        await UploadAsync(session, spark);
        Assert.Null(session.Error);
        Assert.StartsWith("Line log. Read as a line log (log4j header): 2,000 lines", session.ReadAs);

        session.ChooseInputFormat("csv");
        await session.RunAsync();
        Assert.Null(session.Error);
        Assert.Equal("csv", session.Result!.Format.Name);
        Assert.StartsWith("CSV table.", session.ReadAs);

        // A malformed header is the analyst's alert; the results read before stay.
        session.ChooseInputFormat("");
        session.ChooseLogFormat("<Date> <Time> <Level>");
        await session.RunAsync();
        Assert.Contains("has no <Content> field", session.Error);
        Assert.Equal("csv", session.Result!.Format.Name);

        session.ChooseLogFormat("<Date> <Time> <Level> <Component>: <Content>");
        await session.RunAsync();
        Assert.Null(session.Error);
        Assert.Contains("header '<Date> <Time> <Level> <Component>: <Content>'", session.ReadAs);
        Assert.Equal(2_000, session.Result!.Summary.Total);
    }

    [Fact]
    public async Task The_analyst_groups_a_line_logs_entities_by_another_column_and_a_new_file_names_its_own()
    {
        using var session = NewSession();
        var log = WriteTemp("auth.log", SshdLog.Generate());
        await UploadAsync(session, log);
        Assert.Equal("ip", session.Result!.Entities!.Column);
        Assert.Contains("user", session.Result.EntityColumns);

        await session.ChooseEntityColumnAsync("user");

        Assert.Null(session.Error);
        Assert.Equal("user", session.Result!.Entities!.Column);
        await UploadAsync(session, log);
        Assert.Equal("ip", session.Result!.Entities!.Column);
    }
}


using AnomalyStudio.Core;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Pipeline.Comparison;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Core.Spikes;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Pipeline.Comparison;

/// <summary>Comparing time ranges of one file: the real Elastic log with a scanner, a brute-forcer and a burst added.</summary>
public sealed class WindowComparerTests
{
    private static readonly Lazy<DetectionResult> Behaviours = new(() => RunAsync(EntityScenarioLog.Injected.Text, "elastic_with_behaviours.log").GetAwaiter().GetResult());

    /// <summary>From just before the scanner (18 May 03:20) to just after the burst (20 May 02:42): every behaviour is inside.</summary>
    public static readonly TimeWindow AroundBehaviours = new(At(18, 3, 0), At(20, 3, 0));

    private static DateTimeOffset At(int day, int hour, int minute) => new(2015, 5, day, hour, minute, 0, TimeSpan.Zero);

    private static async Task<DetectionResult> RunAsync(string text, string name)
    {
        using var pipeline = new TestPipeline(sharedModels: true);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return await pipeline.Pipeline.RunAsync(stream, new DetectionRequest { FileName = name, Mode = DetectionMode.Fit, Entities = new(), Spikes = new(), Patterns = new() });
    }

    [Fact]
    public void A_window_around_the_behaviours_against_the_rest_names_the_scanner_the_brute_forcer_and_the_burst()
    {
        var result = Behaviours.Value;
        var comparison = WindowComparer.Compare(result, ComparisonWindows.Of(null, AroundBehaviours));

        var inWindow = Enumerable.Range(0, result.Records.Count).Count(i => AroundBehaviours.Contains(result.Records.Timestamp(i)!.Value.UtcTicks));
        Assert.Equal((inWindow, result.Records.Count - inWindow), (comparison.IncidentRecords, comparison.BaselineRecords));
        Assert.StartsWith("elastic_with_behaviours.log 18 May 2015 03:00 – 20 May 2015 03:00 UTC against the rest of elastic_with_behaviours.log:", comparison.Text);
        var burst = Assert.Single(comparison.Patterns, c => c.Value.StartsWith("GET /search?q=", StringComparison.Ordinal));
        Assert.Equal((ChangeKind.New, EntityScenarioInjector.BurstRequests, 0), (burst.Kind, burst.IncidentCount, burst.BaselineCount));
        Assert.Contains(comparison.Patterns, c => c.Value == "POST /login" && c.Kind == ChangeKind.New && c.IncidentCount == EntityScenarioInjector.BruteForceRequests);
        Assert.Contains(comparison.Values, c => c.Field == "client" && c.Value == EntityScenarioInjector.ScannerIp && c.Kind == ChangeKind.New && c.IncidentCount == 408);
        Assert.Contains(comparison.Values, c => c.Field == "client" && c.Value == EntityScenarioInjector.BruteForceIp && c.Kind == ChangeKind.New);
        Assert.Contains(comparison.Values, c => c.Field == "agent" && c.Value == EntityScenarioInjector.ScannerAgent && c.Kind == ChangeKind.New);
        Assert.Contains(comparison.Values, c => c.Field == "agent" && c.Value == EntityScenarioInjector.BurstAgent && c.Kind == ChangeKind.New);
        Assert.All(comparison.Patterns.Concat(comparison.Values), c => Assert.True(c.PValue < 0.01 / 100));

        Assert.Equal([EntityScenarioInjector.ScannerIp, EntityScenarioInjector.BruteForceIp], comparison.NewEntities.Take(2).Select(e => e.Key));
        Assert.Equal(408, comparison.NewEntities[0].Records);
        Assert.Contains("scanner agent (nikto)", comparison.NewEntities[0].Explanation);
        Assert.Equal(result.FileName, comparison.WindowsOf);
    }

    [Fact]
    public void A_baseline_range_before_the_behaviours_finds_them_new_in_the_rest_and_two_ranges_see_only_what_is_in_them()
    {
        var result = Behaviours.Value;
        var before = new TimeWindow(At(17, 0, 0), At(18, 3, 0));
        var rest = WindowComparer.Compare(result, ComparisonWindows.Of(before, null));
        Assert.StartsWith("the rest of elastic_with_behaviours.log against elastic_with_behaviours.log 17 May 2015 00:00 – 18 May 2015 03:00 UTC:", rest.Text);
        Assert.Contains(rest.Values, c => c.Field == "client" && c.Value == EntityScenarioInjector.ScannerIp && c.Kind == ChangeKind.New);
        Assert.Contains(rest.Patterns, c => c.Value == "POST /login" && c.Kind == ChangeKind.New);

        // 20 May 02:00–03:00 holds the burst, not the scanner (18 May) nor the brute-forcer (19 May).
        var burstHour = WindowComparer.Compare(result, ComparisonWindows.Of(before, new TimeWindow(At(20, 2, 0), At(20, 3, 0))));
        Assert.Contains(burstHour.Values, c => c.Field == "agent" && c.Value == EntityScenarioInjector.BurstAgent && c.Kind == ChangeKind.New);
        Assert.DoesNotContain(burstHour.Values, c => c.Value is EntityScenarioInjector.ScannerIp or EntityScenarioInjector.BruteForceIp);
        Assert.DoesNotContain(burstHour.NewEntities, e => e.Key == EntityScenarioInjector.ScannerIp);
        Assert.All(burstHour.NewEntities.Where(e => e.Key.StartsWith(EntityScenarioInjector.BurstNetwork, StringComparison.Ordinal)), e => Assert.True(e.Records > 0));

        // The reverse of a comparison calls the same things gone.
        var reverse = WindowComparer.Compare(result, ComparisonWindows.Of(AroundBehaviours, null));
        Assert.Contains(reverse.Values, c => c.Field == "client" && c.Value == EntityScenarioInjector.ScannerIp && c.Kind == ChangeKind.Gone);
        Assert.DoesNotContain(reverse.NewEntities, e => e.Key == EntityScenarioInjector.ScannerIp);
    }

    [Fact]
    public void A_range_without_records_every_record_in_one_range_and_overlapping_or_missing_ranges_are_refused_in_words()
    {
        var result = Behaviours.Value;
        var empty = Assert.Throws<InvalidInputException>(() => WindowComparer.Compare(result, ComparisonWindows.Of(new TimeWindow(At(21, 0, 0), At(22, 0, 0)), null)));
        Assert.Contains("The baseline range (21 May 2015 00:00 – 22 May 2015 00:00 UTC) holds no records", empty.Message);
        Assert.Contains("run from 2015-05-17T10:05:00Z", empty.Message);
        var all = Assert.Throws<InvalidInputException>(() => WindowComparer.Compare(result, ComparisonWindows.Of(null, new TimeWindow(At(1, 0, 0), At(31, 0, 0)))));
        Assert.Contains("holds every timed record, so the rest of the file, the baseline, is empty", all.Message);

        Assert.Contains("overlap", Assert.Throws<InvalidInputException>(() => ComparisonWindows.Of(AroundBehaviours, new TimeWindow(At(20, 2, 0), At(20, 4, 0)))).Message);
        Assert.Contains("Choose a baseline range, an incident range or both", Assert.Throws<InvalidInputException>(() => ComparisonWindows.Of(null, null)).Message);
        Assert.Contains("must end after it starts", Assert.Throws<InvalidInputException>(() => ComparisonWindows.Of(new TimeWindow(At(19, 0, 0), At(18, 0, 0)), null)).Message);
        // Back to back is not an overlap: the end is excluded.
        Assert.NotNull(ComparisonWindows.Of(new TimeWindow(At(17, 0, 0), At(18, 0, 0)), new TimeWindow(At(18, 0, 0), At(19, 0, 0))));
    }

    [Fact]
    public async Task A_file_without_times_has_no_ranges_to_compare()
    {
        var lines = string.Join('\n', Enumerable.Range(0, 300).Select(i => $"{i % 10},user {i % 7} logged in from host{i % 3}"));
        var result = await RunAsync("value,message\n" + lines + "\n", "events.csv");
        var error = Assert.Throws<InvalidInputException>(() => WindowComparer.Compare(result, ComparisonWindows.Of(AroundBehaviours, null)));
        Assert.Contains("The records of events.csv have no times", error.Message);
    }

    [Theory]
    [InlineData("2015-05-20T02:40:00Z..2015-05-20T02:42:00Z", "2015-05-20T02:40:00.0000000+00:00", "2015-05-20T02:42:00.0000000+00:00")]
    [InlineData("2015-05-20T04:40+02:00..2015-05-20 02:42", "2015-05-20T02:40:00.0000000+00:00", "2015-05-20T02:42:00.0000000+00:00")]
    public void A_range_is_two_iso_times_joined_by_two_dots(string text, string start, string end)
    {
        var range = ComparisonWindows.ParseRange(text, "--incident")!.Value;
        Assert.Equal((start, end), (range.Start.ToString("O"), range.End.ToString("O")));
        Assert.Null(ComparisonWindows.ParseRange(" ", "--incident"));
    }

    [Theory]
    [InlineData("2015-05-20", "--baseline '2015-05-20' is not a range: write START..END")]
    [InlineData("02:40..02:42", "The start of --baseline is '02:40', not an ISO 8601 time")]
    [InlineData("2015-05-20T02:40..yesterday", "The end of --baseline is 'yesterday', not an ISO 8601 time")]
    public void A_range_that_is_not_two_times_is_refused_naming_the_part_that_is_wrong(string text, string message) =>
        Assert.StartsWith(message, Assert.Throws<InvalidInputException>(() => ComparisonWindows.ParseRange(text, "--baseline")).Message);

    [Fact]
    public void A_range_given_by_its_ends_needs_both()
    {
        Assert.Null(ComparisonWindows.ParseEnds(null, "", "baselineStart", "baselineEnd"));
        Assert.Equal(
            "'baselineStart' is given without 'baselineEnd': a range needs both ends.",
            Assert.Throws<InvalidInputException>(() => ComparisonWindows.ParseEnds("2015-05-20T02:40:00Z", null, "baselineStart", "baselineEnd")).Message);
        Assert.StartsWith("'baselineEnd' is 'soon'", Assert.Throws<InvalidInputException>(() => ComparisonWindows.ParseEnds("2015-05-20T02:40:00Z", "soon", "baselineStart", "baselineEnd")).Message);
    }
}

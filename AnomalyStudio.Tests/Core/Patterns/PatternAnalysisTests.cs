using AnomalyStudio.Core;
using AnomalyStudio.Core.Patterns;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Core.Spikes;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Patterns;

/// <summary>Patterns through the real pipeline: a real line log's templates, the Elastic log with known behaviours added, and a chosen CSV field.</summary>
public sealed class PatternAnalysisTests
{
    private static Task<DetectionResult> RunAsync(string text, string name, PatternOptions patterns) => PatternLogs.RunAsync(text, name, patterns);

    [Fact]
    public void A_line_logs_patterns_are_its_mined_templates_with_their_ids_counts_and_severities()
    {
        var result = PatternLogs.Apache;
        var summary = result.PatternSummary()!;
        var templates = result.Templates!;

        Assert.Equal("field 'message'", summary.Source);
        Assert.Equal(templates.Templates.Count, summary.Patterns.Count);
        Assert.Equal(result.Summary.Total, summary.Patterns.Sum(p => p.Count));
        var top = summary.Patterns[0];
        Assert.Equal("jk2_init() Found child <*> in scoreboard slot <*>", top.Template);
        Assert.Equal(Enumerable.Range(0, templates.Count).Count(i => templates[i]!.Id == top.TemplateId), top.Count);
        Assert.Equal(2, TemplateText.Parts(top.Template).Count(p => p.IsParameter));
        foreach (var p in summary.Patterns)
        {
            var records = Enumerable.Range(0, templates.Count).Where(i => templates[i]!.Id == p.TemplateId).ToList();
            Assert.Equal(records.Count(i => result.Records.Severities[i] != Severity.Normal), p.Severities.Anomalies);
            Assert.Equal(records.Min(i => result.Records.Timestamp(i)), p.FirstSeen);
            Assert.Equal(records.Max(i => result.Records.Timestamp(i)), p.LastSeen);
            Assert.Equal(result.Records.Line(records[0]), p.FirstLine);
            Assert.Equal(p.Count, p.Sparkline.Sum());
        }

        Assert.True(summary.Patterns.Zip(summary.Patterns.Skip(1)).All(pair => pair.First.Count >= pair.Second.Count));
    }

    [Fact]
    public void The_injected_burst_and_brute_force_are_bursting_patterns_and_everyday_requests_are_not()
    {
        var summary = PatternLogs.Behaviours.PatternSummary()!;

        Assert.Equal("request method and URI template", summary.Source);
        Assert.True(summary.HasTime);
        var burst = Assert.Single(summary.Patterns, p => p.Template.StartsWith("GET /search?q=", StringComparison.Ordinal));
        Assert.Equal(EntityScenarioInjector.BurstRequests, burst.Count);
        Assert.True(burst.Is(PatternBadges.Bursting | PatternBadges.New), burst.Badges.ToString());
        var login = Assert.Single(summary.Patterns, p => p.Template == "POST " + EntityScenarioInjector.LoginUri);
        Assert.Equal(EntityScenarioInjector.BruteForceRequests, login.Count);
        Assert.True(login.Is(PatternBadges.Bursting));
        var favicon = Assert.Single(summary.Patterns, p => p.Template == "GET /favicon.ico");
        Assert.Equal(PatternBadges.None, favicon.Badges);
        Assert.Equal(2, summary.CountWith(PatternBadges.Bursting));
    }

    [Fact]
    public void A_range_counts_only_its_records_and_a_moved_threshold_only_changes_the_severity_mix()
    {
        var result = PatternLogs.Behaviours;
        var window = EntityScenarioInjector.BruteForceWindow;
        var inRange = Enumerable.Range(0, result.Records.Count).Count(i => window.Contains(result.Records.Timestamp(i)!.Value.UtcTicks));
        var summary = result.PatternSummary(window)!;

        Assert.Equal(inRange, summary.Records);
        Assert.Equal(inRange, summary.Patterns.Sum(p => p.Count));
        Assert.Equal(EntityScenarioInjector.BruteForceRequests, summary.Patterns.Single(p => p.Template == "POST /login").Count);
        Assert.All(summary.Patterns, p => Assert.True(p.FirstSeen >= window.Start && p.LastSeen < window.End));

        var everything = result.WithThreshold(new FlagThreshold(0, ThresholdMethod.Manual, "all")).PatternSummary()!;
        Assert.Equal(result.PatternSummary()!.Patterns.Select(p => (p.TemplateId, p.Count)), everything.Patterns.Select(p => (p.TemplateId, p.Count)));
        Assert.All(everything.Patterns, p => Assert.Equal(p.Count, p.Severities.Anomalies));
    }

    [Fact]
    public async Task A_chosen_csv_field_is_mined_and_a_wrong_one_is_refused_with_the_fields_to_choose_from()
    {
        var text = await File.ReadAllTextAsync(TestData.Shared("web", "csic2010_sample.csv"));
        var result = await RunAsync(text, "csic2010_sample.csv", new PatternOptions { Field = "method" });
        var summary = result.PatternSummary()!;
        Assert.Equal("method", summary.Field);
        Assert.Equal(["GET", "POST"], summary.Patterns.Select(p => p.Template).Order(StringComparer.Ordinal));
        Assert.Equal(2000, summary.Patterns.Sum(p => p.Count));
        Assert.Contains("url", result.Patterns!.Fields);

        var urls = (await RunAsync(text, "csic2010_sample.csv", new PatternOptions { Field = "URL" })).PatternSummary()!;
        Assert.Equal("url", urls.Field);
        Assert.InRange(urls.Patterns.Count, 2, 1999);

        var missing = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(text, "csic2010_sample.csv", new PatternOptions { Field = "uri" }));
        Assert.Contains("'uri' is not a field", missing.Message);
        Assert.Contains("url", missing.Message);
        var numeric = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(text, "csic2010_sample.csv", new PatternOptions { Field = "content_length" }));
        Assert.Contains("holds numbers", numeric.Message);
    }

    [Fact]
    public async Task Records_without_times_get_sparklines_over_the_files_order()
    {
        var lines = string.Join('\n', Enumerable.Range(0, 400).Select(i => $"{i % 10}," + (i < 300 ? $"user {i % 7} logged in from host{i % 3}" : $"disk {i} failed with code {i % 5}")));
        var summary = (await RunAsync("value,message\n" + lines + "\n", "events.csv", new PatternOptions())).PatternSummary()!;

        Assert.False(summary.HasTime);
        Assert.Equal(400, summary.Patterns.Sum(p => p.Count));
        var late = Assert.Single(summary.Patterns, p => p.Template.StartsWith("disk", StringComparison.Ordinal));
        Assert.Null(late.FirstSeen);
        Assert.True(late.Is(PatternBadges.New));
        Assert.Equal(0, late.Sparkline.Take(summary.Buckets * 3 / 4 - 1).Sum());
    }

    [Fact]
    public async Task Rare_marks_a_line_logs_odd_template_but_not_an_access_logs_everyday_tail_of_one_off_uris()
    {
        // The Elastic log's requests: over a thousand templates seen once or twice, an eighth of the records together.
        var access = PatternLogs.Behaviours.PatternSummary()!;
        var tail = access.Patterns.Where(p => p.Count <= 2).ToList();
        Assert.True(tail.Count > 1_000 && tail.Sum(p => p.Count) > 0.05 * access.Records, $"{tail.Count} patterns, {tail.Sum(p => p.Count)} records");
        Assert.Equal(0, access.CountWith(PatternBadges.Rare));

        // loghub's OpenStack log: 40 steady templates and three seen once or twice, among them the power-state mismatch.
        var openStack = (await RunAsync(File.ReadAllText(TestData.Shared("loghub", "OpenStack_2k.log")), "OpenStack_2k.log", new PatternOptions())).PatternSummary()!;
        var rare = openStack.Patterns.Where(p => p.Is(PatternBadges.Rare)).ToList();
        Assert.Equal(3, rare.Count);
        Assert.All(rare, p => Assert.True(p.Count <= 2));
        Assert.Contains(rare, p => p.Template.StartsWith("While synchronizing instance power states", StringComparison.Ordinal));
        Assert.All(openStack.Patterns.Except(rare), p => Assert.True(p.Count >= 5, p.Template));

        // With no share of the records allowed to the rare tail, nothing is rare.
        var strict = (await RunAsync(File.ReadAllText(TestData.Shared("loghub", "OpenStack_2k.log")), "OpenStack_2k.log", new PatternOptions { RareTail = 0 })).PatternSummary()!;
        Assert.Equal(0, strict.CountWith(PatternBadges.Rare));
    }

    [Fact]
    public void Options_out_of_range_are_refused_by_name()
    {
        Assert.Contains("RareTail", Assert.Throws<ArgumentException>(() => new PatternOptions { RareTail = 1 }.Validate()).Message);
        Assert.Contains("SparkBuckets", Assert.Throws<ArgumentOutOfRangeException>(() => new PatternOptions { SparkBuckets = 2 }.Validate()).Message);
        Assert.Contains("NewAfter", Assert.Throws<ArgumentException>(() => new PatternOptions { NewAfter = 1 }.Validate()).Message);
    }
}

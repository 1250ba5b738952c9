using AnomalyStudio.Core.Feedback;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Pipeline;

/// <summary>
/// Rules on the real Elastic access log: what they mark is never flagged and loses its evidence, everything else keeps
/// its score bit for bit, and removing them gives the detection back exactly.
/// </summary>
public sealed class ExpectedRulesPipelineTests
{
    private static async Task<DetectionResult> DetectAsync(ExpectedRules? rules = null)
    {
        using var test = new TestPipeline(sharedModels: true);
        await using var stream = File.OpenRead(ElasticLog.Path);
        return await test.Pipeline.RunAsync(stream, new DetectionRequest { FileName = "apache_access_elastic.log", Rules = rules, Entities = new() });
    }

    private static IEnumerable<int> Where(DetectionResult result, string field, Func<string, bool> matches) =>
        Enumerable.Range(0, result.Records.Count).Where(i => result.Source.Fields(i).Any(f => f.Name == field && matches(f.Value)));

    [Fact]
    public async Task Records_a_rule_marks_are_never_flagged_lose_their_evidence_and_the_rest_keep_their_scores()
    {
        var plain = await DetectAsync();
        var flaggedProbe = Where(plain, "uri", u => u.StartsWith("/wp-admin", StringComparison.Ordinal)).First(i => plain.Records.Severities[i] != Severity.Normal);
        var client = plain.Source.Fields(flaggedProbe).Single(f => f.Name == "client").Value;
        var rules = new ExpectedRules([ExpectedRule.FieldLike("uri", "/wp-admin*"), ExpectedRule.OfEntity(client), ExpectedRule.OfTemplate("no such pattern")]);

        var ruled = await DetectAsync(rules);

        var marked = Where(plain, "uri", u => u.StartsWith("/wp-admin", StringComparison.Ordinal))
            .Union(Enumerable.Range(0, plain.Records.Count).Where(i => plain.Records.Identifier(i) == client)).ToHashSet();
        Assert.Equal(marked.Count, ruled.Expected);
        Assert.Equal(0, ruled.RuleMatches[2]);
        for (var i = 0; i < plain.Records.Count; i++)
        {
            if (marked.Contains(i))
            {
                Assert.Equal(Severity.Normal, ruled.Records.Severities[i]);
                Assert.StartsWith("Expected: ", ruled.Records.Explanations[i], StringComparison.Ordinal);
                Assert.Equal(0, ruled.Evidence![i]);
                Assert.True(ruled.Records.Scores[i] <= plain.Records.Scores[i]);
            }
            else
            {
                Assert.Equal(plain.Records.Scores[i], ruled.Records.Scores[i]);
                Assert.Equal(plain.Records.Severities[i], ruled.Records.Severities[i]);
            }
        }

        Assert.Contains(marked, i => plain.Evidence![i] > 0 && ruled.Records.Scores[i] < plain.Records.Scores[i]);
        Assert.Equal(plain.Summary.Anomalies - marked.Count(i => plain.Records.Severities[i] != Severity.Normal), ruled.Summary.Anomalies);
    }

    [Fact]
    public async Task Undoing_every_rule_gives_the_detection_back_bit_for_bit_and_a_moved_threshold_keeps_the_rules()
    {
        var plain = await DetectAsync();
        var rules = new ExpectedRules([ExpectedRule.FieldEquals("status", "404")]);
        var ruled = plain.WithRules(rules);

        var undone = ruled.WithRules(ExpectedRules.None);
        Assert.True(undone.Records.Scores.AsSpan().SequenceEqual(plain.Records.Scores));
        Assert.Equal(plain.Records.Severities, undone.Records.Severities);
        Assert.Equal(plain.Summary.SeverityCounts, undone.Summary.SeverityCounts);

        var moved = ruled.WithThreshold(FlagOverride.Parse("0.2", null)!.Resolve(ruled.Records.Scores));
        Assert.Same(rules, moved.Rules);
        Assert.All(Where(plain, "status", s => s == "404"), i => Assert.Equal(Severity.Normal, moved.Records.Severities[i]));
        Assert.True(moved.Summary.Anomalies > ruled.Summary.Anomalies);

        var again = await DetectAsync(rules);
        Assert.True(again.Records.Scores.AsSpan().SequenceEqual(ruled.Records.Scores)); // rules never refit: same file, seed and rules, same scores
    }
}

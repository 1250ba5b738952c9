using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Formats.AccessLog;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Core;
using AnomalyStudio.Tests.Support;
using Xunit.Abstractions;

namespace AnomalyStudio.Tests.Core.Entities;

/// <summary>Clients of the real Elastic log, with a known scanner, brute-force client and burst added, scored against each other.</summary>
public sealed class EntityAnalyzerTests(ITestOutputHelper output)
{
    private static EntityAnalysis Entities => EntityScenarioLog.Result.Entities!;

    private static int Rank(string key) => Array.FindIndex(Entities.Ranked, e => Entities.Profiles[e].Key == key);

    private static int Entity(string key) => Entities.Ranked.First(e => Entities.Profiles[e].Key == key);

    [Fact]
    public void The_scanner_and_the_brute_force_client_are_among_the_three_most_unusual_clients()
    {
        foreach (var e in Entities.Ranked.Take(12))
        {
            output.WriteLine($"{Entities.Scores[e]:0.000} {Entities.Severities[e]} {Entities.Explanations[e]} | {Entities.Summaries[e]}");
        }

        Assert.Equal(EntityKind.Client, Entities.Kind);
        // The third is a real client of the log: 8 of its 27 requests carry attack tokens.
        Assert.Equal(0, Rank(EntityScenarioInjector.ScannerIp));
        Assert.InRange(Rank(EntityScenarioInjector.BruteForceIp), 1, 2);
        Assert.True(Entities.Severities[Entity(EntityScenarioInjector.ScannerIp)] >= Severity.High);
        Assert.True(Entities.Severities[Entity(EntityScenarioInjector.BruteForceIp)] >= Severity.Low);
    }

    [Fact]
    public void The_scanner_is_explained_by_its_breadth_its_404s_and_its_agent()
    {
        var explanation = Entities.Explanations[Entity(EntityScenarioInjector.ScannerIp)];
        Assert.StartsWith(EntityScenarioInjector.ScannerIp + ": ", explanation);
        Assert.Contains("scanner agent (nikto)", explanation);
        Assert.Contains($"{EntityScenarioInjector.ScannerRequests} distinct URLs in 3 minutes", explanation);
        Assert.Matches(@"9\d % 404", explanation);
    }

    [Fact]
    public void The_brute_force_client_is_explained_by_its_posts_to_the_login_and_its_401s()
    {
        var explanation = Entities.Explanations[Entity(EntityScenarioInjector.BruteForceIp)];
        Assert.Contains("300 POSTs to /login", explanation);
        Assert.Matches(@"9\d % 401", explanation);
        Assert.DoesNotContain("scanner", explanation); // its agent is a browser's: only its behaviour gives it away
    }

    [Fact]
    public void Most_real_clients_are_not_unusual()
    {
        var injected = Entities.Profiles.Count(p => p.Key.StartsWith(EntityScenarioInjector.BurstNetwork, StringComparison.Ordinal)) + 2;
        var real = Entities.Count - injected;
        var unusual = Enumerable.Range(0, Entities.Count).Count(e => Entities.Severities[e] != Severity.Normal && !Injected(Entities.Profiles[e].Key));
        output.WriteLine($"{unusual} of {real} real clients unusual");
        Assert.True(real > 1500, $"{real} real clients");
        Assert.InRange(unusual, 0, real / 20);
    }

    [Fact]
    public void Entity_scores_are_bit_identical_for_the_same_file_options_and_seed()
    {
        var options = new PipelineOptions();
        var catalog = new DetectorCatalog(options);
        var features = ElasticLog.Features;
        var first = new EntityAnalyzer(catalog, options).Analyze(new AccessLogEntitySource(features), [], new EntityOptions())!;
        var second = new EntityAnalyzer(new DetectorCatalog(options), options).Analyze(new AccessLogEntitySource(features), [], new EntityOptions())!;
        Assert.Equal(first.Index.Keys, second.Index.Keys);
        Assert.True(first.Scores.AsSpan().SequenceEqual(second.Scores));

        var reseeded = new PipelineOptions { Seed = 7 };
        var other = new EntityAnalyzer(new DetectorCatalog(reseeded), reseeded).Analyze(new AccessLogEntitySource(features), [], new EntityOptions())!;
        Assert.False(first.Scores.AsSpan().SequenceEqual(other.Scores));
    }

    [Fact]
    public async Task Asking_for_entities_leaves_every_record_score_as_it_was_and_cites_the_client_in_anomalies()
    {
        var without = await EntityScenarioLog.RunAsync(EntityScenarioLog.Injected.Text, null, null);
        var with = EntityScenarioLog.Result;
        Assert.Null(without.Entities);
        Assert.True(without.Records.Scores.AsSpan().SequenceEqual(with.Records.Scores));
        Assert.Equal(without.Records.Severities, with.Records.Severities);

        var scannerRecord = Enumerable.Range(0, with.Records.Count)
            .First(i => with.Records.Identifier(i) == EntityScenarioInjector.ScannerIp && with.Records.Severities[i] != Severity.Normal);
        Assert.StartsWith(without.Records.Explanations[scannerRecord], with.Records.Explanations[scannerRecord]);
        Assert.Contains($"client {EntityScenarioInjector.ScannerIp} is unusual: ", with.Records.Explanations[scannerRecord]);
        Assert.Equal(EntityScenarioInjector.ScannerIp, with.Entities!.Profiles[with.Entities.EntityOf(scannerRecord)].Key);
    }

    [Fact]
    public void Sessions_split_a_client_by_its_user_agents()
    {
        var options = new PipelineOptions();
        var sessions = new EntityAnalyzer(new DetectorCatalog(options), options).Analyze(new AccessLogEntitySource(ElasticLog.Features), [], new EntityOptions { Sessions = true })!;
        var clients = ElasticLog.Records.Ips.Distinct().Count();
        var pairs = ElasticLog.Records.Ips.Zip(ElasticLog.Records.UserAgents).Distinct().Count();
        Assert.Equal(EntityKind.Session, sessions.Kind);
        Assert.Equal(pairs, sessions.Count);
        Assert.True(pairs > clients);
        Assert.Equal(ElasticLog.Records.Count, Enumerable.Range(0, sessions.Count).Sum(sessions.Index.RecordCount));
    }

    [Fact]
    public async Task A_table_is_grouped_by_the_column_asked_for_and_an_unknown_column_is_the_users_error()
    {
        var path = TestData.Shared("logs", "BGL_2k.log_structured.csv");
        using var pipeline = new TestPipeline();
        await using (var stream = File.OpenRead(path))
        {
            var result = await pipeline.Pipeline.RunAsync(stream, new DetectionRequest { FileName = "BGL_2k.csv", Mode = DetectionMode.Fit, Entities = new EntityOptions { Column = "Node" } });
            var entities = result.Entities!;
            Assert.Equal(EntityKind.Identifier, entities.Kind);
            Assert.Equal("Node", entities.Column);
            Assert.True(entities.Count > 10, $"{entities.Count} nodes");
            Assert.Equal(2000, Enumerable.Range(0, entities.Count).Sum(entities.Index.RecordCount));
            foreach (var e in entities.Ranked.Take(5))
            {
                output.WriteLine($"{entities.Scores[e]:0.000} {entities.Explanations[e]} | {entities.Summaries[e]}");
            }
        }

        await using var again = File.OpenRead(path);
        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            pipeline.Pipeline.RunAsync(again, new DetectionRequest { FileName = "BGL_2k.csv", Mode = DetectionMode.Fit, Entities = new EntityOptions { Column = "nosuch" } }));
        Assert.Contains("no column 'nosuch'", error.Message);
        Assert.Contains("Node", error.Message);
    }

    private static bool Injected(string key) =>
        key is EntityScenarioInjector.ScannerIp or EntityScenarioInjector.BruteForceIp || key.StartsWith(EntityScenarioInjector.BurstNetwork, StringComparison.Ordinal);
}

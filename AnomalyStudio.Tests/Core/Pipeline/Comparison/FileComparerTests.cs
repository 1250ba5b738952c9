using AnomalyStudio.Core.Pipeline.Comparison;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Pipeline.Comparison;

/// <summary>Comparing the real Elastic log with the same log with a scanner, a brute-forcer and a burst added.</summary>
public sealed class FileComparerTests
{
    private static readonly Lazy<(DetectionResult Baseline, DetectionResult Incident)> Files = new(() =>
        (RunAsync(File.ReadAllText(ElasticLog.Path), "apache_access_elastic.log").GetAwaiter().GetResult(),
         RunAsync(EntityScenarioLog.Injected.Text, "elastic_with_behaviours.log").GetAwaiter().GetResult()));

    private static async Task<DetectionResult> RunAsync(string text, string name)
    {
        using var pipeline = new TestPipeline(sharedModels: true);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return await pipeline.Pipeline.RunAsync(stream, new DetectionRequest { FileName = name, Mode = DetectionMode.Fit, Entities = new(), Spikes = new(), Patterns = new() });
    }

    [Fact]
    public void It_names_the_scanner_the_brute_forcer_and_the_burst_and_nothing_is_gone()
    {
        var (baseline, incident) = Files.Value;
        var comparison = FileComparer.Compare(baseline, incident);

        var burst = Assert.Single(comparison.Patterns, c => c.Value.StartsWith("GET /search?q=", StringComparison.Ordinal));
        Assert.Equal((ChangeKind.New, EntityScenarioInjector.BurstRequests, 0), (burst.Kind, burst.IncidentCount, burst.BaselineCount));
        Assert.Contains(comparison.Patterns, c => c.Value == "POST /login" && c.Kind == ChangeKind.New);
        Assert.Contains(comparison.Values, c => c.Field == "agent" && c.Value == EntityScenarioInjector.BurstAgent && c.Kind == ChangeKind.New);
        Assert.Contains(comparison.Values, c => c.Field == "client" && c.Value == EntityScenarioInjector.ScannerIp && c.IncidentCount == 408);
        Assert.Contains(comparison.Values, c => c.Field == "client" && c.Value == EntityScenarioInjector.BruteForceIp);
        Assert.Contains(comparison.Values, c => c.Field == "agent" && c.Value == EntityScenarioInjector.ScannerAgent);
        Assert.DoesNotContain(comparison.Patterns.Concat(comparison.Values), c => c.Kind == ChangeKind.Gone);
        Assert.All(comparison.Patterns.Concat(comparison.Values), c => Assert.True(c.PValue < 0.01 / 100));

        Assert.Equal(EntityScenarioInjector.ScannerIp, comparison.NewEntities[0].Key);
        Assert.Equal(EntityScenarioInjector.BruteForceIp, comparison.NewEntities[1].Key);
        Assert.Equal(2 + EntityScenarioInjector.BurstClients, comparison.NewEntityCount);
        Assert.Contains("scanner agent (nikto)", comparison.NewEntities[0].Explanation);
    }

    [Fact]
    public void The_reverse_comparison_calls_the_same_things_gone_and_a_file_against_itself_finds_nothing()
    {
        var (baseline, incident) = Files.Value;
        var reverse = FileComparer.Compare(incident, baseline);
        Assert.Contains(reverse.Values, c => c.Field == "client" && c.Value == EntityScenarioInjector.ScannerIp && c.Kind == ChangeKind.Gone);
        Assert.Equal(0, reverse.NewEntityCount);

        var same = FileComparer.Compare(baseline, baseline);
        Assert.Empty(same.Patterns);
        Assert.Empty(same.Values);
        Assert.Empty(same.NewEntities);
        Assert.Contains("No pattern or field value changed significantly.", same.Text);
    }
}

using AnomalyStudio.Core.Patterns;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.Tests.Support;

/// <summary>Real logs run once through the real pipeline with patterns (and spikes, as the dashboard asks), for every test that reads them.</summary>
public static class PatternLogs
{
    private static readonly Lazy<DetectionResult> ApacheErrors = new(() =>
        RunAsync(File.ReadAllText(TestData.Shared("logs", "Apache_2k.log")), "Apache_2k.log", new PatternOptions()).GetAwaiter().GetResult());

    private static readonly Lazy<DetectionResult> ElasticBehaviours = new(() =>
        RunAsync(EntityScenarioLog.Injected.Text, "elastic_with_behaviours.log", new PatternOptions()).GetAwaiter().GetResult());

    /// <summary>loghub's Apache error log sample (2,000 lines, 6 templates).</summary>
    public static DetectionResult Apache => ApacheErrors.Value;

    /// <summary>The Elastic access log with a scanner, a brute-forcer and a burst added.</summary>
    public static DetectionResult Behaviours => ElasticBehaviours.Value;

    public static async Task<DetectionResult> RunAsync(string text, string name, PatternOptions patterns)
    {
        using var pipeline = new TestPipeline(sharedModels: true);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return await pipeline.Pipeline.RunAsync(stream, new DetectionRequest
        {
            FileName = name, Mode = DetectionMode.Fit, Patterns = patterns, Spikes = new(),
        });
    }
}

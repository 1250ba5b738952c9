using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Tests.Support;

/// <summary>
/// The real Elastic access log with a scanner, a brute-force client and a burst added (<see cref="EntityScenarioInjector"/>),
/// run once through the real pipeline with entities and spikes, for every test that reads it.
/// </summary>
public static class EntityScenarioLog
{
    public const int Seed = 12;

    private static readonly Lazy<EntityScenarioInjector.Injected> Built = new(() => EntityScenarioInjector.Inject(File.ReadAllLines(ElasticLog.Path), Seed));

    private static readonly Lazy<DetectionResult> Detected = new(() => RunAsync(Built.Value.Text, new EntityOptions(), new SpikeOptions()).GetAwaiter().GetResult());

    public static EntityScenarioInjector.Injected Injected => Built.Value;

    public static DetectionResult Result => Detected.Value;

    public static async Task<DetectionResult> RunAsync(string text, EntityOptions? entities, SpikeOptions? spikes, PipelineOptions? options = null)
    {
        using var pipeline = new TestPipeline(options);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return await pipeline.Pipeline.RunAsync(stream, new DetectionRequest { FileName = "elastic_with_behaviours.log", Mode = DetectionMode.Fit, Entities = entities, Spikes = spikes });
    }
}

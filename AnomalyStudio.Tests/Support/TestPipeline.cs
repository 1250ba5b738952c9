using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Detection.Autoencoder;
using AnomalyStudio.Core.Detection.IsolationForest;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.Tests.Support;

/// <summary>The real pipeline with a model store in a temporary directory of its own.</summary>
public sealed class TestPipeline : IDisposable
{
    /// <param name="unavailableAutoencoder">When set, plays a machine where libtorch cannot load, with this reason.</param>
    /// <param name="sharedModels">Use the run's shared pretrained models instead of a fresh, empty model directory.</param>
    /// <param name="formats">The input formats to read; the standard ones when null.</param>
    public TestPipeline(PipelineOptions? options = null, string? unavailableAutoencoder = null, bool sharedModels = false, InputFormatCatalog? formats = null)
    {
        _owned = !sharedModels;
        Directory = sharedModels ? SharedModels.Directory : Path.Combine(Path.GetTempPath(), "anomalystudio-tests-" + Guid.NewGuid().ToString("N"));
        Options = (options ?? new PipelineOptions()).Validate();
        Catalog = unavailableAutoencoder is null
            ? new DetectorCatalog(Options)
            : new DetectorCatalog(Options, [IsolationForestDetector.Registration, AutoencoderDetector.RegistrationWith(() => DetectorAvailability.Unavailable(unavailableAutoencoder))]);
        formats ??= InputFormatCatalog.Standard;
        Trainer = new PretrainedModelTrainer(Options, Catalog, formats);
        Store = new ModelStore(Directory, Catalog, Trainer, Log.Add);
        Pipeline = new DetectionPipeline(Options, Catalog, Store, Trainer, formats);
    }

    private readonly bool _owned;

    public string Directory { get; }

    public PipelineOptions Options { get; }

    public DetectorCatalog Catalog { get; }

    public PretrainedModelTrainer Trainer { get; }

    public ModelStore Store { get; }

    public DetectionPipeline Pipeline { get; }

    public List<string> Log { get; } = [];

    /// <param name="population">Ask for entities and spikes too, as the dashboard does.</param>
    public async Task<DetectionResult> RunFileAsync(string path, DetectionMode mode = DetectionMode.Pretrained, string model = DetectorNames.IsolationForest, string? labels = null, bool population = false)
    {
        await using var stream = File.OpenRead(path);
        await using var labelStream = labels is null ? null : File.OpenRead(labels);
        return await Pipeline.RunAsync(stream, new DetectionRequest
        {
            FileName = Path.GetFileName(path), Mode = mode, Model = model, Labels = labelStream,
            Entities = population ? new() : null, Spikes = population ? new() : null,
        });
    }

    public async Task<DetectionResult> RunTextAsync(string text, string fileName, DetectionMode mode = DetectionMode.Pretrained)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return await Pipeline.RunAsync(stream, new DetectionRequest { FileName = fileName, Mode = mode });
    }

    public void Dispose()
    {
        if (_owned && System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

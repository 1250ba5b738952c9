using System.Collections.Concurrent;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Models;

/// <summary>
/// The pretrained models on disk (<c>data/models/</c> by default): one file per detector and feature kind,
/// trained on first use when missing, retrained when unreadable, loaded once and shared by every session. Servers may
/// share the directory: a model is trained by one of them at a time (<see cref="ModelFileLock"/>), the others load it,
/// and a file is replaced whole (written aside, then renamed), so no reader sees half of one.
/// </summary>
public sealed class ModelStore(string directory, DetectorCatalog catalog, PretrainedModelTrainer trainer, Action<string>? log = null)
{
    /// <summary>The feature kinds that have pretrained models: those the registered input formats declare.</summary>
    public IReadOnlyList<FeatureKind> PretrainedKinds => trainer.FeatureSets.Pretrained.Select(p => p.Kind).ToList();

    private readonly ConcurrentDictionary<(string, FeatureKind), StoredModel> _loaded = new();
    private readonly ConcurrentDictionary<(string, FeatureKind), SemaphoreSlim> _locks = new();

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The model file of a detector's pretrained model; a kind no format pretrains is refused, never given another's file.</summary>
    public string PathFor(string detector, FeatureKind kind) =>
        Path.Combine(Directory, $"{detector}.{trainer.FeatureSets.PretrainedOf(kind).Slug}.json");

    /// <summary>The pretrained model, loaded from disk or trained (and saved) when there is none or it is unreadable.</summary>
    public async Task<StoredModel> GetOrTrainAsync(string detector, FeatureKind kind, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        detector = catalog.Resolve(detector);
        var key = (detector, kind);
        if (_loaded.TryGetValue(key, out var model))
        {
            return model;
        }

        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_loaded.TryGetValue(key, out model))
            {
                return model;
            }

            if (TryLoad(detector, kind) is { } stored)
            {
                return _loaded[key] = stored;
            }

            // Another server sharing the directory may be training the same model: one trains, the others wait and load it.
            using (await ModelFileLock.AcquireAsync(PathFor(detector, kind), cancellationToken).ConfigureAwait(false))
            {
                if (TryLoad(detector, kind, quiet: true) is { } trainedMeanwhile)
                {
                    return _loaded[key] = trainedMeanwhile;
                }

                return _loaded[key] = TrainAndSave(detector, kind, progress, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Trains the pretrained model anew and replaces the file.</summary>
    public async Task<StoredModel> TrainAsync(string detector, FeatureKind kind, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        detector = catalog.Resolve(detector);
        var key = (detector, kind);
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using (await ModelFileLock.AcquireAsync(PathFor(detector, kind), cancellationToken).ConfigureAwait(false))
            {
                return _loaded[key] = TrainAndSave(detector, kind, progress, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The model file's model when it is readable and fits this version's features; null (saying why, unless <paramref name="quiet"/>) otherwise.</summary>
    private StoredModel? TryLoad(string detector, FeatureKind kind, bool quiet = false)
    {
        var path = PathFor(detector, kind);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var model = ModelFile.Read(path, catalog.Create);
            if (model.Detector == detector && model.Kind == kind && model.Model.FeatureNames.SequenceEqual(FeatureNamesOf(kind)))
            {
                return model;
            }

            if (!quiet)
            {
                log?.Invoke(model.Detector == detector && model.Kind == kind
                    ? $"Model file {path} was trained on other features ({string.Join(", ", model.Model.FeatureNames)}); retraining it."
                    : $"Model file {path} holds a {model.Detector} {model.Kind} model; retraining it.");
            }
        }
        catch (InvalidDataException ex)
        {
            if (!quiet)
            {
                log?.Invoke($"Model file {path} is unreadable: {ex.Message}. Retraining it.");
            }
        }

        return null;
    }

    public IReadOnlyList<ModelInfo> List() =>
        catalog.Names.Select(name =>
        {
            var detector = catalog.Create(name);
            return new ModelInfo(
                name,
                detector.DisplayName,
                detector.Availability.IsAvailable,
                detector.Availability.Reason,
                catalog.Thresholds(name),
                PretrainedKinds.Select(kind => ModelFile.ReadInfo(PathFor(name, kind), kind)).ToList());
        }).ToList();

    private StoredModel TrainAndSave(string detector, FeatureKind kind, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var implementation = catalog.Create(detector);
        if (!implementation.Availability.IsAvailable)
        {
            throw new InvalidInputException($"The {implementation.DisplayName} is unavailable: {implementation.Availability.Reason}");
        }

        var model = trainer.Train(implementation, kind, progress, cancellationToken) with { BaselineScores = null };
        ModelFile.Write(PathFor(detector, kind), model, implementation);
        log?.Invoke($"Trained the pretrained {implementation.DisplayName} for {trainer.FeatureSets.PretrainedOf(kind).Slug} features and saved it to {PathFor(detector, kind)}.");
        return model;
    }

    /// <summary>The features this version extracts for a pretrained kind: a model file fitted on others is retrained.</summary>
    public IReadOnlyList<string> FeatureNamesOf(FeatureKind kind) => trainer.FeatureSets.PretrainedOf(kind).FeatureNames;
}

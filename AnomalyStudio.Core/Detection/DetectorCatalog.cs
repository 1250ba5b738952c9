using AnomalyStudio.Core.Detection.Autoencoder;
using AnomalyStudio.Core.Detection.IsolationForest;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Detection;

/// <summary>
/// The detectors the product offers, by name, each with its severity thresholds. Adding a model means one
/// folder under Detection/ and one registration here.
/// </summary>
public sealed class DetectorCatalog
{
    private readonly Dictionary<string, (Func<IAnomalyDetector> Create, SeverityThresholds Thresholds)> _detectors = new(StringComparer.Ordinal);

    /// <param name="autoencoderAvailability">Overrides the libtorch probe (tests use it to play a machine without libtorch).</param>
    public DetectorCatalog(PipelineOptions options, Func<DetectorAvailability>? autoencoderAvailability = null)
    {
        var forest = options.IsolationForest with { Seed = options.Seed };
        var autoencoder = options.Autoencoder with { Seed = options.Seed };
        Register(DetectorNames.IsolationForest, () => new IsolationForestDetector(forest), options.IsolationForestThresholds);
        Register(DetectorNames.Autoencoder, () => new AutoencoderDetector(autoencoder, autoencoderAvailability), options.AutoencoderThresholds);
    }

    public IReadOnlyCollection<string> Names => _detectors.Keys;

    public void Register(string name, Func<IAnomalyDetector> create, SeverityThresholds thresholds) =>
        _detectors[name] = (create, thresholds);

    /// <summary>The detector called <paramref name="name"/> (any accepted spelling); an unknown name is the user's error.</summary>
    public IAnomalyDetector Create(string name) => _detectors[Resolve(name)].Create();

    public SeverityThresholds Thresholds(string name) => _detectors[Resolve(name)].Thresholds;

    public string Resolve(string name)
    {
        var normalised = DetectorNames.Normalise(name);
        if (normalised is null || !_detectors.ContainsKey(normalised))
        {
            throw new InvalidInputException($"Unknown model '{name}'. Choose one of: {string.Join(", ", _detectors.Keys)}.");
        }

        return normalised;
    }
}

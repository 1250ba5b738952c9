using AnomalyStudio.Core.Detection.Autoencoder;
using AnomalyStudio.Core.Detection.IsolationForest;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Detection;

/// <summary>
/// The detectors the product offers, each with its options and severity thresholds from the pipeline's settings (the
/// registration's defaults for what the settings do not name). Adding a model means one folder under Detection/ and
/// one line in <see cref="Standard"/>; names, spellings and display names everywhere else come from here.
/// </summary>
public sealed class DetectorCatalog
{
    private readonly IDetectorSettings _options;
    private readonly List<(DetectorRegistration Registration, object Options, SeverityThresholds Thresholds)> _detectors = [];

    /// <summary>The detectors this version ships, in the order they are offered.</summary>
    public static IReadOnlyList<DetectorRegistration> Standard { get; } =
    [
        IsolationForestDetector.Registration,
        AutoencoderDetector.Registration,
    ];

    /// <param name="registrations">The detectors to offer; <see cref="Standard"/> when null.</param>
    public DetectorCatalog(IDetectorSettings options, IEnumerable<DetectorRegistration>? registrations = null)
    {
        _options = options;
        foreach (var registration in registrations ?? Standard)
        {
            Register(registration);
        }
    }

    public IReadOnlyCollection<string> Names => _detectors.Select(d => d.Registration.Name).ToList();

    public IReadOnlyList<DetectorRegistration> Registrations => _detectors.Select(d => d.Registration).ToList();

    /// <summary>"isolation-forest or autoencoder", for help texts and API descriptions.</summary>
    public string Choices => Describe(Registrations);

    /// <summary>Adds a detector, or replaces the one of the same name (tests put a failing one in its place).</summary>
    public void Register(DetectorRegistration registration)
    {
        var options = _options.Detectors.TryGetValue(registration.Name, out var configured) ? configured : registration.DefaultOptions;
        registration.Validate(options);
        var thresholds = (_options.Thresholds.TryGetValue(registration.Name, out var t) ? t : registration.DefaultThresholds).Validate(registration.DisplayName);
        _detectors.RemoveAll(d => d.Registration.Name == registration.Name);
        _detectors.Add((registration, options, thresholds));
    }

    /// <summary>The detector called <paramref name="name"/> (any accepted spelling); an unknown name is the user's error.</summary>
    public IAnomalyDetector Create(string name)
    {
        var entry = Find(name);
        return entry.Registration.Create(entry.Options, _options.Seed);
    }

    public SeverityThresholds Thresholds(string name) => Find(name).Thresholds;

    public DetectorRegistration Registration(string name) => Find(name).Registration;

    /// <summary>The detector's own name for any accepted spelling (none: the default); an unknown one throws <see cref="InvalidInputException"/> naming the choices.</summary>
    public string Resolve(string? name) => Find(name).Registration.Name;

    /// <summary>"a, b or c" of the registrations' names.</summary>
    public static string Describe(IReadOnlyList<DetectorRegistration> registrations) =>
        registrations.Count < 2
            ? string.Join(string.Empty, registrations.Select(r => r.Name))
            : string.Join(", ", registrations.Take(registrations.Count - 1).Select(r => r.Name)) + " or " + registrations[^1].Name;

    private (DetectorRegistration Registration, object Options, SeverityThresholds Thresholds) Find(string? name)
    {
        var spelling = DetectorRegistration.Normalise(string.IsNullOrWhiteSpace(name) ? DetectorNames.Default : name);
        foreach (var entry in _detectors)
        {
            if (entry.Registration.Answers(spelling))
            {
                return entry;
            }
        }

        throw new InvalidInputException($"Unknown model '{name}'. Choose one of: {string.Join(", ", Names)}.");
    }
}

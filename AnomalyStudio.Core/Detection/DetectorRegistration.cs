using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Detection;

/// <summary>
/// One detector as the product offers it: its name and the other spellings accepted for it, the name shown to people,
/// the configuration section of its options (their type, with defaults written once, on the options record), its
/// default severity thresholds, and how to make it. <see cref="DetectorCatalog"/> holds these; the CLI's choices, the
/// API's descriptions, the settings bound at start-up and the dashboard's labels all come from them.
/// </summary>
public abstract class DetectorRegistration
{
    private protected DetectorRegistration(string name, string displayName, IReadOnlyList<string> aliases, string optionsSection, SeverityThresholds defaultThresholds)
    {
        Name = name;
        DisplayName = displayName;
        Aliases = aliases;
        OptionsSection = optionsSection;
        DefaultThresholds = defaultThresholds;
    }

    /// <summary>The name in the CLI, the API and model files (<c>isolation-forest</c>).</summary>
    public string Name { get; }

    public string DisplayName { get; }

    /// <summary>Other spellings accepted for <see cref="Name"/>, compared after lower-casing and turning '_' into '-'.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The section under <c>AnomalyStudio</c> its options and <c>Thresholds</c> are bound from.</summary>
    public string OptionsSection { get; }

    public SeverityThresholds DefaultThresholds { get; }

    /// <summary>The type of its options record; a new instance holds the defaults.</summary>
    public abstract Type OptionsType { get; }

    public abstract object DefaultOptions { get; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting of <paramref name="options"/>.</summary>
    public abstract void Validate(object options);

    /// <summary>A detector with these options and the pipeline's seed (every random choice flows from it).</summary>
    public abstract IAnomalyDetector Create(object options, int seed);

    /// <summary>Whether <paramref name="spelling"/>, normalised, is this detector's name or one of its aliases.</summary>
    public bool Answers(string spelling) =>
        spelling == Name || Aliases.Any(a => Normalise(a) == spelling);

    /// <summary>The form names are compared in: trimmed, lower case, '_' as '-' (so isolation_forest is isolation-forest).</summary>
    public static string Normalise(string name) => name.Trim().ToLowerInvariant().Replace('_', '-');
}

/// <summary>A detector whose options are a <typeparamref name="TOptions"/> record.</summary>
public sealed class DetectorRegistration<TOptions>(
    string name,
    string displayName,
    IReadOnlyList<string> aliases,
    string optionsSection,
    SeverityThresholds defaultThresholds,
    Func<TOptions, int, IAnomalyDetector> create,
    Action<TOptions> validate) : DetectorRegistration(name, displayName, aliases, optionsSection, defaultThresholds)
    where TOptions : class, new()
{
    public override Type OptionsType => typeof(TOptions);

    public override object DefaultOptions { get; } = new TOptions();

    public override void Validate(object options) => validate(Typed(options));

    public override IAnomalyDetector Create(object options, int seed) => create(Typed(options), seed);

    private TOptions Typed(object options) => options as TOptions
        ?? throw new ArgumentException($"The {DisplayName} takes {typeof(TOptions).Name}, not {options.GetType().Name}.", nameof(options));
}

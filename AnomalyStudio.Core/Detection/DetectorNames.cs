namespace AnomalyStudio.Core.Detection;

/// <summary>
/// The names of the built-in detectors, for code that picks one by name (the default model, tests). Everything else
/// about a detector (its spellings, display name, options) is in its <see cref="DetectorRegistration"/>.
/// </summary>
public static class DetectorNames
{
    public const string IsolationForest = "isolation-forest";
    public const string Autoencoder = "autoencoder";

    /// <summary>The model a request runs when it names none.</summary>
    public const string Default = IsolationForest;
}

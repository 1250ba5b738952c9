namespace AnomalyStudio.Core.Detection;

/// <summary>The names detectors go by in the CLI, the API and model files.</summary>
public static class DetectorNames
{
    public const string IsolationForest = "isolation-forest";
    public const string Autoencoder = "autoencoder";

    /// <summary>Accepts the reference design's spellings too (isolation_forest, if, ae).</summary>
    public static string? Normalise(string? name) => name?.Trim().ToLowerInvariant().Replace('_', '-') switch
    {
        "isolation-forest" or "isolationforest" or "if" or "iforest" => IsolationForest,
        "autoencoder" or "auto-encoder" or "ae" => Autoencoder,
        _ => null,
    };
}

namespace AnomalyStudio.Core.Pipeline;

/// <summary>The words for <see cref="DetectionMode"/> that the CLI, the API and reports share, and their one parser.</summary>
public static class DetectionModes
{
    public const string Auto = "auto", Pretrained = "pretrained", Fit = "fit";

    public static readonly IReadOnlyList<string> Names = [Auto, Pretrained, Fit];

    public static string Of(DetectionMode mode) => mode switch
    {
        DetectionMode.Fit => Fit,
        DetectionMode.Pretrained => Pretrained,
        _ => Auto,
    };

    /// <summary>Reads a mode (case-insensitive; empty = auto); throws <see cref="InvalidInputException"/> naming the choices.</summary>
    public static DetectionMode Parse(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        null or "" or Auto => DetectionMode.Auto,
        Pretrained => DetectionMode.Pretrained,
        Fit => DetectionMode.Fit,
        _ => throw new InvalidInputException($"Unknown mode '{mode}'. Choose one of: {string.Join(", ", Names)}."),
    };
}

using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Models;

/// <summary>
/// A feature set that has a pretrained model: its kind, the slug in the model file's name, the features this version
/// extracts (a model file fitted on others is retrained), and the generated data it is trained on.
/// </summary>
/// <param name="TrainingFileName">The name the generated data is read under (its extension steers the sniff).</param>
/// <param name="TrainingData">The model's provenance in words ("generated access log, seed 7, 20,000 lines").</param>
/// <param name="Generate">Writes the training data; the same bytes every time.</param>
public sealed record PretrainedFeatures(
    FeatureKind Kind,
    string Slug,
    IReadOnlyList<string> FeatureNames,
    string TrainingFileName,
    string TrainingData,
    Action<TextWriter> Generate)
{
    /// <summary>Seed of the generated training data (the published samples use another, <c>SampleFiles.Seed</c>).</summary>
    public const int TrainingDataSeed = 7;
}

using System.Text.Json;
using AnomalyStudio.Core.Models;

namespace AnomalyStudio.App.Api.Contracts;

/// <summary>One pretrained model file of a detector: for which features, and when and on what it was trained.</summary>
/// <param name="Kind">The feature kind, as in the model file's name: <c>access-log</c> or <c>csv-summary</c>.</param>
public sealed record PretrainedModelResponse(
    string Kind,
    bool Trained,
    DateTimeOffset? TrainedAt,
    IReadOnlyList<string> FeatureNames,
    int? TrainingRows,
    string? TrainingData)
{
    // The file's server path is left out on purpose: it tells a caller nothing useful about the model.
    public static PretrainedModelResponse From(PretrainedModelInfo info) => new(
        JsonNamingPolicy.KebabCaseLower.ConvertName(info.Kind.ToString()),
        info.Trained,
        info.TrainedAt,
        info.FeatureNames,
        info.TrainingRows,
        info.TrainingData);
}

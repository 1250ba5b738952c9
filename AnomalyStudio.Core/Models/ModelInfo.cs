using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Models;

/// <summary>What the model list shows: a detector, whether it can run and why not, and its pretrained models.</summary>
public sealed record ModelInfo(
    string Name,
    string DisplayName,
    bool Available,
    string? UnavailableReason,
    SeverityThresholds Thresholds,
    IReadOnlyList<PretrainedModelInfo> Pretrained);

/// <summary>One pretrained model file.</summary>
public sealed record PretrainedModelInfo(
    FeatureKind Kind,
    string File,
    bool Trained,
    DateTimeOffset? TrainedAt,
    IReadOnlyList<string> FeatureNames,
    int? TrainingRows,
    string? TrainingData);

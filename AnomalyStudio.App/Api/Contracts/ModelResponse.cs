using AnomalyStudio.Core.Models;

namespace AnomalyStudio.App.Api.Contracts;

/// <summary>A detector in <c>GET /api/models</c>: whether it can run here (and why not), its thresholds and its pretrained models.</summary>
public sealed record ModelResponse(
    string Name,
    string DisplayName,
    bool Available,
    string? UnavailableReason,
    ThresholdsResponse Thresholds,
    IReadOnlyList<PretrainedModelResponse> Pretrained)
{
    public static ModelResponse From(ModelInfo info) => new(
        info.Name,
        info.DisplayName,
        info.Available,
        info.UnavailableReason,
        ThresholdsResponse.From(info.Thresholds),
        info.Pretrained.Select(PretrainedModelResponse.From).ToList());
}

using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.App.Api.Contracts;

/// <summary>A model's severity thresholds on the normalised 0…1 score (a record at or above <c>low</c> is an anomaly).</summary>
public sealed record ThresholdsResponse(double Critical, double High, double Medium, double Low)
{
    public static ThresholdsResponse From(SeverityThresholds thresholds) =>
        new(thresholds.Critical, thresholds.High, thresholds.Medium, thresholds.Low);
}

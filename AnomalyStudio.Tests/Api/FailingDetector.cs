using System.Text.Json;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Tests.Api;

/// <summary>A detector that fails as a bug would, with internals in its message that must not reach a caller.</summary>
/// <param name="beforeFailing">Runs when the detector is fitted, just before it fails: lets a test look at the server mid-request.</param>
public sealed class FailingDetector(Action? beforeFailing = null) : IAnomalyDetector
{
    public const string Secret = "internal state at /srv/anomalystudio/secret";

    public string Name => DetectorNames.IsolationForest;

    public string DisplayName => "Isolation Forest";

    public DetectorAvailability Availability => DetectorAvailability.Available;

    public IAnomalyModel Fit(FeatureMatrix features, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        beforeFailing?.Invoke();
        throw new InvalidOperationException(Secret);
    }

    public void WriteModel(IAnomalyModel model, Utf8JsonWriter writer) => throw new InvalidOperationException(Secret);

    public IAnomalyModel ReadModel(JsonElement parameters, IReadOnlyList<string> featureNames) => throw new InvalidOperationException(Secret);
}

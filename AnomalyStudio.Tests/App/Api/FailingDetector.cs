using System.Text.Json;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Detection.IsolationForest;
using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>A detector that fails as a bug would, with internals in its message that must not reach a caller.</summary>
/// <param name="beforeFailing">Runs when the detector is fitted, just before it fails: lets a test look at the server mid-request.</param>
public sealed class FailingDetector(Action? beforeFailing = null) : IAnomalyDetector
{
    public const string Secret = "internal state at /srv/anomalystudio/secret";

    /// <summary>A registration that puts it in the isolation forest's place, under the forest's name and settings.</summary>
    public static DetectorRegistration InPlaceOfTheForest(Action? beforeFailing = null) => new DetectorRegistration<IsolationForestOptions>(
        DetectorNames.IsolationForest,
        IsolationForestDetector.Registration.DisplayName,
        IsolationForestDetector.Registration.Aliases,
        IsolationForestDetector.Registration.OptionsSection,
        IsolationForestDetector.Registration.DefaultThresholds,
        (_, _) => new FailingDetector(beforeFailing),
        options => options.Validate());

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

using AnomalyStudio.Core.Detection;

namespace AnomalyStudio.App.Configuration;

/// <summary>
/// Binds each registered detector's options and thresholds from the section its registration names, onto its options
/// record (whose initialisers are the defaults) and its default thresholds: a setting not given keeps its default, so
/// <c>AnomalyStudio__Autoencoder__Epochs=5</c> changes only the epochs.
/// </summary>
public static class DetectorSettings
{
    public static void Bind(IConfiguration settings, IEnumerable<DetectorRegistration> registrations, AnomalyStudioOptions options)
    {
        foreach (var registration in registrations)
        {
            var section = settings.GetSection(registration.OptionsSection);
            if (!section.Exists())
            {
                continue;
            }

            if (section.Get(registration.OptionsType) is { } bound)
            {
                options.Detectors[registration.Name] = bound;
            }

            var thresholds = ThresholdSettings.From(registration.DefaultThresholds);
            section.GetSection("Thresholds").Bind(thresholds);
            options.DetectorThresholds[registration.Name] = thresholds.ToThresholds();
        }
    }
}

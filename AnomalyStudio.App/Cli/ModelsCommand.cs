using System.CommandLine;
using System.Globalization;
using AnomalyStudio.Core.Models;

namespace AnomalyStudio.App.Cli;

/// <summary><c>models</c>: lists the detectors, whether they can run here, their thresholds and pretrained models.</summary>
public static class ModelsCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("models", "List the models: availability (and why not), thresholds and pretrained model files.");
        command.SetAction(async parse =>
        {
            using var services = CliHost.Build();
            foreach (var model in services.GetRequiredService<ModelStore>().List())
            {
                var t = model.Thresholds;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{model.Name} ({model.DisplayName}): {(model.Available ? "available" : "unavailable: " + model.UnavailableReason)}; thresholds critical {t.Critical}, high {t.High}, medium {t.Medium}, low {t.Low}")).ConfigureAwait(false);
                foreach (var file in model.Pretrained)
                {
                    await output.WriteLineAsync(file.Trained
                        ? string.Create(CultureInfo.InvariantCulture, $"  {file.Kind}: trained {file.TrainedAt:yyyy-MM-dd HH:mm:ss}Z on {file.TrainingData}; features {string.Join(", ", file.FeatureNames)}")
                        : $"  {file.Kind}: not trained yet ({file.TrainingData ?? "trained automatically on first use, or run 'train'"})").ConfigureAwait(false);
                }
            }

            return CliApplication.Success;
        });
        return command;
    }
}

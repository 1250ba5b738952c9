using System.CommandLine;
using System.Diagnostics;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Models;

namespace AnomalyStudio.App.Cli;

/// <summary><c>train</c>: trains the pretrained models on generated samples and saves them to the model store.</summary>
public static class TrainCommand
{
    public static Command Create(TextWriter output)
    {
        var model = CliChoices.ModelOption("Which model to train", "all");
        var command = new Command("train", "Train the pretrained models (access-log and CSV) and save them under the model directory.") { model };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = CliHost.Build();
            var store = services.GetRequiredService<ModelStore>();
            var catalog = services.GetRequiredService<DetectorCatalog>();
            var choice = parse.GetValue(model)!;
            var names = choice == "all" ? catalog.Names.ToList() : [catalog.Resolve(choice)];
            var failed = false;
            foreach (var name in names)
            {
                var detector = catalog.Create(name);
                if (!detector.Availability.IsAvailable)
                {
                    await output.WriteLineAsync($"{detector.DisplayName}: unavailable ({detector.Availability.Reason})").ConfigureAwait(false);
                    failed |= choice != "all";
                    continue;
                }

                foreach (var kind in store.PretrainedKinds)
                {
                    var clock = Stopwatch.StartNew();
                    var trained = await store.TrainAsync(name, kind, null, cancellationToken).ConfigureAwait(false);
                    await output.WriteLineAsync(
                        $"{detector.DisplayName}, {kind}: {trained.TrainingRows:N0} rows of {trained.TrainingData}, {clock.Elapsed.TotalSeconds:0.00}s -> {store.PathFor(name, kind)}").ConfigureAwait(false);
                }
            }

            return failed ? CliApplication.BadInput : CliApplication.Success;
        });
        return command;
    }
}

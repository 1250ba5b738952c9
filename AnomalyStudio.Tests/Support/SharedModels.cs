using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.Tests.Support;

/// <summary>
/// One directory of pretrained models for the whole test run, trained once on first use (the autoencoder's
/// take ten seconds each), for tests about detection rather than about the model store itself.
/// </summary>
public static class SharedModels
{
    private static readonly Lazy<string> Trained = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Directory => Trained.Value;

    private static string Train()
    {
        var directory = Path.Combine(Path.GetTempPath(), "anomalystudio-shared-models-" + Guid.NewGuid().ToString("N"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        };

        var options = new PipelineOptions();
        var catalog = new DetectorCatalog(options);
        var store = new ModelStore(directory, catalog, new PretrainedModelTrainer(options, catalog, InputFormatCatalog.Standard));
        foreach (var detector in catalog.Names)
        {
            foreach (var kind in store.PretrainedKinds)
            {
                store.TrainAsync(detector, kind).GetAwaiter().GetResult();
            }
        }

        return directory;
    }
}

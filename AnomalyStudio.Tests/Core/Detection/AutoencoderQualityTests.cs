using AnomalyStudio.Core.Detection.Autoencoder;
using AnomalyStudio.Core.Detection.IsolationForest;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;
using Xunit.Abstractions;

namespace AnomalyStudio.Tests.Core.Detection;

/// <summary>
/// The autoencoder against the isolation forest on the 11 ODDS tables in ../shared/data, in fit mode (fit and
/// score on the whole file), both with seed 42 and their default settings: its mean ROC-AUC must be within 0.03
/// of the forest's, and on no table more than 0.15 below it. Prints both models' ROC-AUCs per table. Eleven
/// fits with early stopping take about 10–40 s on 2 shared cores.
/// </summary>
[Trait("Category", "Quality")]
public sealed class AutoencoderQualityTests(ITestOutputHelper output)
{
    private const int Seed = 42;

    private static readonly string[] Datasets =
        ["cardio", "thyroid", "mammography", "satellite", "shuttle", "breastw", "pima", "ionosphere", "annthyroid", "wbc", "arrhythmia"];

    [Fact]
    public void Ranks_anomalies_about_as_well_as_the_isolation_forest_on_odds_data()
    {
        var results = Datasets.Select(dataset =>
        {
            var table = TestData.ReadTabular(dataset);
            var features = TestData.NumericFeatures(table);
            var labels = TestData.Labels(table);
            var forest = new IsolationForestDetector(new IsolationForestOptions { Seed = Seed }).Fit(features);
            var autoencoder = (AutoencoderModel)new AutoencoderDetector(new AutoencoderOptions { Seed = Seed }).Fit(features);
            var result = (Dataset: dataset,
                Forest: Evaluation.RocAuc(forest.Score(features), labels)!.Value,
                Autoencoder: Evaluation.RocAuc(autoencoder.Score(features), labels)!.Value);
            output.WriteLine($"{dataset,-12} forest {result.Forest:0.0000}  autoencoder {result.Autoencoder:0.0000}  " +
                $"gap {result.Autoencoder - result.Forest:+0.0000;-0.0000}  best epoch {autoencoder.History.BestEpoch} of {autoencoder.Losses.Count}");
            return result;
        }).ToList();

        var gap = results.Average(r => r.Autoencoder) - results.Average(r => r.Forest);
        output.WriteLine($"mean         forest {results.Average(r => r.Forest):0.0000}  autoencoder {results.Average(r => r.Autoencoder):0.0000}  gap {gap:+0.0000;-0.0000}");

        Assert.True(gap >= -0.03, $"mean ROC-AUC gap {gap:0.0000}");
        Assert.All(results, r => Assert.True(r.Autoencoder >= r.Forest - 0.15, $"{r.Dataset}: autoencoder {r.Autoencoder:0.0000}, forest {r.Forest:0.0000}"));
    }
}

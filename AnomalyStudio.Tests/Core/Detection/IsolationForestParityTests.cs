using System.Text.Json;
using AnomalyStudio.Core.Detection.IsolationForest;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Detection;

/// <summary>
/// The isolation forest against scikit-learn 1.2.1 on the ODDS tables in ../shared/data (fit and score on the
/// whole file, 100 trees, ψ = 256): the mean ROC-AUC over seeds 0–4 must be within 0.015 of scikit-learn's
/// 20-seed mean. A single seed is a draw from the seed-to-seed distribution; our seeds are not numpy's, so it
/// must lie within scikit-learn's mean ± 4σ (a correct forest leaves that band about once in 10,000 draws).
/// The README lists the seeds that fall outside scikit-learn's 20-seed min–max, which happens at the rate
/// sampling predicts.
/// </summary>
public sealed class IsolationForestParityTests
{
    private static readonly JsonElement Reference =
        JsonDocument.Parse(File.ReadAllText(TestData.Shared("tabular", "sklearn_if.json"))).RootElement;

    [Theory]
    [InlineData("cardio")]
    [InlineData("thyroid")]
    [InlineData("mammography")]
    [InlineData("breastw")]
    [InlineData("pima")]
    [InlineData("wbc")]
    [InlineData("ionosphere")]
    [InlineData("annthyroid")]
    [InlineData("satellite")]
    [InlineData("shuttle")]
    [InlineData("arrhythmia")]
    public void Roc_auc_matches_scikit_learn_on_odds_data(string dataset)
    {
        var table = TestData.ReadTabular(dataset);
        var features = TestData.NumericFeatures(table);
        var labels = TestData.Labels(table);
        var reference = Reference.GetProperty(dataset);
        var mean = reference.GetProperty("if_auc_mean").GetDouble();
        var std = reference.GetProperty("if_auc_std").GetDouble();

        var aucs = Enumerable.Range(0, 5).Select(seed =>
        {
            var model = new IsolationForestDetector(new IsolationForestOptions { Seed = seed }).Fit(features);
            return Evaluation.RocAuc(model.Score(features), labels)!.Value;
        }).ToArray();

        Assert.InRange(aucs.Average(), mean - 0.015, mean + 0.015);
        Assert.All(aucs, auc => Assert.InRange(auc, mean - (4 * std), mean + (4 * std)));
    }
}

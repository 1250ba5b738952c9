using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Detection;

/// <summary>
/// What every detector must do, whichever it is: one raw score per row, higher for the anomalies of a real
/// benchmark, the same scores for the same seed and after save → load, invalid settings refused. A new
/// detector gets these tests by deriving one class.
/// </summary>
public abstract class DetectorContractTests
{
    /// <summary>The detector with the given seed (and settings small enough for a unit test).</summary>
    protected abstract IAnomalyDetector Create(int seed);

    /// <summary>Constructing with invalid settings must throw naming the setting.</summary>
    protected abstract void CreateWithInvalidOptions();

    protected abstract double MinimumThyroidRocAuc { get; }

    private static readonly Lazy<(FeatureMatrix Features, bool[] Labels)> Thyroid = new(() =>
    {
        var table = TestData.ReadTabular("thyroid");
        return (TestData.NumericFeatures(table), TestData.Labels(table));
    });

    [Fact]
    public void Gives_one_score_per_row()
    {
        var (features, _) = Thyroid.Value;
        var scores = Create(1).Fit(features).Score(features);

        Assert.Equal(features.Rows, scores.Length);
        Assert.All(scores, s => Assert.True(double.IsFinite(s)));
    }

    [Fact]
    public void Ranks_the_anomalies_of_a_real_benchmark_high()
    {
        var (features, labels) = Thyroid.Value;
        var auc = Evaluation.RocAuc(Create(1).Fit(features).Score(features), labels)!.Value;

        Assert.True(auc >= MinimumThyroidRocAuc, $"ROC-AUC {auc}");
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_scores_and_another_seed_does_not()
    {
        var (features, _) = Thyroid.Value;
        var first = Create(3).Fit(features).Score(features);
        var second = Create(3).Fit(features).Score(features);
        var other = Create(4).Fit(features).Score(features);

        Assert.Equal(first.Select(BitConverter.DoubleToInt64Bits), second.Select(BitConverter.DoubleToInt64Bits));
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Save_then_load_gives_bit_identical_scores()
    {
        var (features, _) = Thyroid.Value;
        var detector = Create(5);
        var model = detector.Fit(features);
        var stored = new StoredModel(model, ScoreCalibration.Fit(model.Score(features), 0.1, SeverityThresholds.IsolationForestDefaults),
            FeatureKind.CsvNumeric, DateTimeOffset.UnixEpoch, features.Rows, 5, "thyroid");
        var path = Path.Combine(Path.GetTempPath(), $"contract-{Guid.NewGuid():N}.json");
        try
        {
            ModelFile.Write(path, stored, detector);
            var loaded = ModelFile.Read(path, _ => Create(5));

            Assert.Equal(model.Score(features), loaded.Model.Score(features));
            Assert.Equal(model.FeatureNames, loaded.Model.FeatureNames);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Refuses_invalid_settings() => Assert.ThrowsAny<ArgumentException>(CreateWithInvalidOptions);

    [Fact]
    public void Refuses_a_matrix_of_other_features()
    {
        var (features, _) = Thyroid.Value;
        var model = Create(1).Fit(features);

        Assert.Throws<ArgumentException>(() => model.Score(new FeatureMatrix(["a", "b"], 3)));
    }
}

public sealed class IsolationForestContractTests : DetectorContractTests
{
    protected override double MinimumThyroidRocAuc => 0.95;

    protected override IAnomalyDetector Create(int seed) =>
        new AnomalyStudio.Core.Detection.IsolationForest.IsolationForestDetector(new() { Seed = seed });

    protected override void CreateWithInvalidOptions() =>
        _ = new AnomalyStudio.Core.Detection.IsolationForest.IsolationForestDetector(new() { Trees = 0 });
}

public sealed class AutoencoderContractTests : DetectorContractTests
{
    protected override double MinimumThyroidRocAuc => 0.85;

    protected override IAnomalyDetector Create(int seed) =>
        new AnomalyStudio.Core.Detection.Autoencoder.AutoencoderDetector(new() { Seed = seed, Epochs = 8, MaxTrainingRows = 3_000 });

    protected override void CreateWithInvalidOptions() =>
        _ = new AnomalyStudio.Core.Detection.Autoencoder.AutoencoderDetector(new() { BatchSize = 0 });
}

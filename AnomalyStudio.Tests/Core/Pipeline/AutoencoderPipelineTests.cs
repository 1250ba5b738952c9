using AnomalyStudio.Core;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Pipeline;

/// <summary>The autoencoder through the whole pipeline, with one model store (and one pretraining) for the class.</summary>
public sealed class AutoencoderPipelineTests(AutoencoderPipelineTests.Store store) : IClassFixture<AutoencoderPipelineTests.Store>
{
    public sealed class Store : IDisposable
    {
        public TestPipeline Test { get; } = new(sharedModels: true);

        public void Dispose() => Test.Dispose();
    }

    private TestPipeline Test => store.Test;

    [Fact]
    public async Task Finds_the_injected_attacks_in_the_sample_log()
    {
        var result = await Test.RunFileAsync(TestData.Samples("sample_access.log"), model: DetectorNames.Autoencoder, labels: TestData.Samples("sample_access.labels.csv"));

        Assert.Equal(DetectorNames.Autoencoder, result.Model);
        Assert.True(result.Summary.RocAuc > 0.95, $"ROC-AUC {result.Summary.RocAuc}");
        // No quota: what is flagged is what stands out, and what stands out is attacks.
        var flagged = Enumerable.Range(0, result.Records.Count).Where(i => result.Records[i].IsAnomaly).ToList();
        Assert.InRange(result.Summary.AnomalyPercent, 0.5, 12);
        Assert.True(flagged.Count(i => result.Labels![i]) >= 0.8 * flagged.Count, $"{flagged.Count(i => result.Labels![i])} of {flagged.Count} flagged records are attacks");
        Assert.Equal(SeverityThresholds.AutoencoderDefaults, result.Thresholds);
    }

    [Fact]
    public async Task Explains_anomalies_with_the_features_it_reconstructs_worst()
    {
        var result = await Test.RunFileAsync(TestData.Samples("sample_access.log"), model: DetectorNames.Autoencoder);

        var explained = result.Records.Where(r => r.IsAnomaly).Select(r => r.Explanation).ToList();
        Assert.Contains(explained, e => e.Contains("hardest to reconstruct: ", StringComparison.Ordinal));
        var top = result.Records.OrderByDescending(r => r.Score).First();
        Assert.Matches("hardest to reconstruct: (response size|HTTP method|user agent|URI length|URI pattern|server-error status|client-error status|redirect status|large-response flag|attack tokens in the URI|symbols in the URI|rare URI shape)", top.Explanation);
    }

    [Fact]
    public async Task The_same_file_with_another_model_gives_other_results()
    {
        var forest = await Test.RunFileAsync(TestData.Samples("sample_metrics.csv"));
        var autoencoder = await Test.RunFileAsync(TestData.Samples("sample_metrics.csv"), model: DetectorNames.Autoencoder);

        Assert.Equal(forest.Summary.Total, autoencoder.Summary.Total);
        Assert.NotEqual(forest.Records.Scores, autoencoder.Records.Scores);
        Assert.True(autoencoder.Summary.RocAuc > 0.9, $"ROC-AUC {autoencoder.Summary.RocAuc}");
    }

    [Fact]
    public async Task Fit_mode_trains_on_the_file_and_reports_each_epoch()
    {
        var epochs = new List<double?>();
        await using var stream = File.OpenRead(TestData.Shared("tabular", "wbc.csv"));
        var result = await Test.Pipeline.RunAsync(
            stream,
            new DetectionRequest { FileName = "wbc.csv", Model = DetectorNames.Autoencoder, Mode = DetectionMode.Fit },
            new SyncProgress<PipelineProgress>(p =>
            {
                if (p.Stage == PipelineStage.Training && p.Fraction is > 0)
                {
                    epochs.Add(p.Fraction);
                }
            }));

        Assert.Equal(50, epochs.Count);
        Assert.Equal(1.0, epochs[^1]);
        Assert.True(result.Summary.RocAuc > 0.8, $"ROC-AUC {result.Summary.RocAuc}");
    }

    [Fact]
    public async Task Pretrained_scores_are_bit_identical_run_to_run()
    {
        var first = await Test.RunFileAsync(TestData.Samples("sample_access.log"), model: DetectorNames.Autoencoder);
        var second = await Test.RunFileAsync(TestData.Samples("sample_access.log"), model: DetectorNames.Autoencoder);

        Assert.Equal(first.Records.Scores.Select(BitConverter.DoubleToInt64Bits), second.Records.Scores.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public async Task Without_libtorch_the_autoencoder_is_refused_and_the_forest_still_works()
    {
        using var machine = new TestPipeline(unavailableAutoencoder: "libtorch could not be loaded: GLIBCXX_3.4.32 not found");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => machine.RunFileAsync(TestData.Samples("sample_access.log"), model: DetectorNames.Autoencoder));
        Assert.Contains("GLIBCXX_3.4.32", error.Message);
        var listed = Assert.Single(machine.Store.List(), m => m.Name == DetectorNames.Autoencoder);
        Assert.False(listed.Available);
        Assert.Contains("GLIBCXX_3.4.32", listed.UnavailableReason);

        var forest = await machine.RunFileAsync(TestData.Samples("sample_access.log"));
        Assert.Equal(5_000, forest.Summary.Total);
    }
}

using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Formats.AccessLog;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Models;

public sealed class ModelStoreTests : IDisposable
{
    private readonly TestPipeline _test = new();

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task Trains_a_missing_model_on_first_use_and_saves_it()
    {
        var path = _test.Store.PathFor(DetectorNames.IsolationForest, FeatureKind.AccessLog);
        Assert.False(File.Exists(path));

        var model = await _test.Store.GetOrTrainAsync(DetectorNames.IsolationForest, FeatureKind.AccessLog);

        Assert.True(File.Exists(path));
        Assert.Equal(AccessLogFeatureExtractor.Names, model.Model.FeatureNames);
        Assert.Equal(AccessLogFormat.TrainingLines, model.TrainingRows);
        Assert.Contains(_test.Log, l => l.Contains("Trained the pretrained Isolation Forest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Save_then_load_gives_identical_scores()
    {
        var trained = await _test.Store.GetOrTrainAsync(DetectorNames.IsolationForest, FeatureKind.CsvSummary);
        var loaded = ModelFile.Read(_test.Store.PathFor(DetectorNames.IsolationForest, FeatureKind.CsvSummary), _test.Catalog.Create);
        var table = TestData.ReadTabular("cardio");
        var features = CsvFeatureExtractor.Summary(table).Matrix;

        Assert.Equal(trained.Model.Score(features), loaded.Model.Score(features));
        Assert.Equal(trained.Calibration.RawAnchors, loaded.Calibration.RawAnchors);
        Assert.Equal(trained.Calibration.ScoreAnchors, loaded.Calibration.ScoreAnchors);
        Assert.Equal(trained.Calibration.Normalise(0.61), loaded.Calibration.Normalise(0.61));
    }

    [Fact]
    public async Task Retraining_gives_the_same_model_bit_for_bit()
    {
        var first = await _test.Store.TrainAsync(DetectorNames.IsolationForest, FeatureKind.AccessLog);
        var firstBytes = File.ReadAllText(_test.Store.PathFor(DetectorNames.IsolationForest, FeatureKind.AccessLog));
        var second = await _test.Store.TrainAsync(DetectorNames.IsolationForest, FeatureKind.AccessLog);
        var secondBytes = File.ReadAllText(_test.Store.PathFor(DetectorNames.IsolationForest, FeatureKind.AccessLog));

        Assert.NotSame(first, second);
        Assert.Equal(StripTime(firstBytes), StripTime(secondBytes));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"formatVersion\": 99}")]
    [InlineData("{\"formatVersion\": 1, \"detector\": \"isolation-forest\"}")]
    public async Task An_unreadable_model_file_is_retrained_with_a_message(string content)
    {
        var path = _test.Store.PathFor(DetectorNames.IsolationForest, FeatureKind.AccessLog);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content);

        var model = await _test.Store.GetOrTrainAsync(DetectorNames.IsolationForest, FeatureKind.AccessLog);

        Assert.Equal(AccessLogFeatureExtractor.Names.Count, model.Model.FeatureNames.Count);
        Assert.Contains(_test.Log, l => l.Contains("unreadable", StringComparison.Ordinal));
        Assert.NotEqual(content, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public void Lists_each_detector_with_its_pretrained_files()
    {
        var models = _test.Store.List();

        var forest = Assert.Single(models, m => m.Name == DetectorNames.IsolationForest);
        Assert.True(forest.Available);
        Assert.Equal(0.95, forest.Thresholds.Critical);
        Assert.Equal(2, forest.Pretrained.Count);
        Assert.All(forest.Pretrained, p => Assert.False(p.Trained));
    }

    [Fact]
    public async Task Writes_models_atomically_leaving_no_temporary_files()
    {
        await _test.Store.TrainAsync(DetectorNames.IsolationForest, FeatureKind.AccessLog);

        // The model and the lock servers sharing the directory train it under; no temporary file.
        Assert.Equal([".isolation-forest.access-log.json.lock", "isolation-forest.access-log.json"], Directory.GetFiles(_test.Store.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static string StripTime(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"trainedAt\":\"[^\"]*\"", string.Empty);
}

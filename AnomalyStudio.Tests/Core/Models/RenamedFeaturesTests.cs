using AnomalyStudio.Core.Formats;
using System.Text.Json.Nodes;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Models;

/// <summary>
/// A model file fitted on features of another name (an older version's, after a feature was renamed) has the right
/// column count, so only its names tell: the store retrains it, and a model with other names never scores a matrix.
/// </summary>
public sealed class RenamedFeaturesTests : IDisposable
{
    private readonly TestPipeline _test = new();

    public void Dispose() => _test.Dispose();

    /// <summary>A copy of the run's real trained access-log forest with its second feature renamed.</summary>
    private async Task<string> RenamedModelFileAsync()
    {
        var path = _test.Store.PathFor(DetectorNames.IsolationForest, FeatureKind.AccessLog);
        Directory.CreateDirectory(_test.Store.Directory);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SharedModels.Directory, Path.GetFileName(path))))!;
        json["featureNames"]![1] = "renamed_feature";
        await File.WriteAllTextAsync(path, json.ToJsonString());
        return path;
    }

    [Fact]
    public async Task The_store_retrains_a_model_file_whose_feature_names_differ_and_says_why()
    {
        var path = await RenamedModelFileAsync();

        var model = await _test.Store.GetOrTrainAsync(DetectorNames.IsolationForest, FeatureKind.AccessLog);

        Assert.Equal(AccessLogFeatureExtractor.Names, model.Model.FeatureNames);
        Assert.Contains(_test.Log, l => l.Contains("was trained on other features", StringComparison.Ordinal) && l.Contains("renamed_feature", StringComparison.Ordinal));
        Assert.DoesNotContain("renamed_feature", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_with_other_feature_names_refuses_to_score_and_says_what_to_run()
    {
        var stored = ModelFile.Read(await RenamedModelFileAsync(), _test.Catalog.Create);
        using var input = File.OpenRead(TestData.Samples("sample_access.log"));
        var prepared = InputPreparer.Prepare(input, "sample_access.log", _ => false, ParseLimits.Default);
        Assert.Equal(stored.Model.FeatureNames.Count, prepared.Matrix.Columns); // the count alone would pass

        var error = Assert.Throws<InvalidInputException>(() => FeatureCheck.Ensure(stored, prepared.Matrix, DetectorNames.IsolationForest));

        Assert.Contains($"feature 2 ('renamed_feature' in the model, '{AccessLogFeatureExtractor.Names[1]}' here)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Retrain it with 'train --model isolation-forest'.", error.Message, StringComparison.Ordinal);
    }
}

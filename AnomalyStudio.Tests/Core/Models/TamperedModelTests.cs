using System.Text.Json.Nodes;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Models;

/// <summary>
/// A model file damaged on disk or edited by hand is named as unreadable, with why and how to rebuild it, and
/// retrained on first use; it never crashes scoring. Files are copies of the run's real trained models.
/// </summary>
public sealed class TamperedModelTests : IDisposable
{
    private readonly TestPipeline _test = new();

    public void Dispose() => _test.Dispose();

    /// <summary>Detector, damage, what the message says, and whether the damage is in the header the model list reads.</summary>
    public static TheoryData<string, string, string, bool> Damage => new()
    {
        { DetectorNames.IsolationForest, "truncated", "not a valid model file", true },
        { DetectorNames.IsolationForest, "future format version", "format version 3", true },
        { DetectorNames.IsolationForest, "split feature out of range", "arrays do not match", false },
        { DetectorNames.IsolationForest, "tree count changed", "arrays do not match", false },
        { DetectorNames.Autoencoder, "scaler shortened", "scaler", false },
        { DetectorNames.Autoencoder, "weights shortened", "values", false },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public async Task A_damaged_model_file_is_reported_and_retrained_without_crashing(string detector, string damage, string why, bool inHeader)
    {
        var path = _test.Store.PathFor(detector, FeatureKind.AccessLog);
        Directory.CreateDirectory(_test.Store.Directory);
        var original = await File.ReadAllTextAsync(Path.Combine(SharedModels.Directory, Path.GetFileName(path)));
        await File.WriteAllTextAsync(path, Tamper(original, damage));

        var listed = Assert.Single(_test.Store.List().Single(m => m.Name == detector).Pretrained, p => p.Kind == FeatureKind.AccessLog);
        var model = await _test.Store.GetOrTrainAsync(detector, FeatureKind.AccessLog);

        if (inHeader)
        {
            // The list reads only the header; damage deeper in the parameters shows when the model is loaded.
            Assert.False(listed.Trained);
            Assert.Contains("unreadable", listed.TrainingData, StringComparison.Ordinal);
            Assert.Contains("run 'train'", listed.TrainingData, StringComparison.Ordinal);
        }

        var message = Assert.Single(_test.Log, l => l.Contains("unreadable", StringComparison.Ordinal));
        Assert.Contains(why, message, StringComparison.Ordinal);
        Assert.Contains("Retraining", message, StringComparison.Ordinal);
        var features = AccessLogFeatureExtractor.Extract(new AnomalyStudio.Core.Parsing.AccessLogParser()
            .Parse(File.OpenRead(TestData.Samples("sample_access.log")), AnomalyStudio.Core.Parsing.ParseLimits.Default).Records).Matrix;
        Assert.All(model.Model.Score(features), s => Assert.True(double.IsFinite(s)));
        Assert.NotNull(ModelFile.Read(path, _test.Catalog.Create)); // the file on disk is whole again
    }

    private static string Tamper(string json, string damage)
    {
        if (damage == "truncated")
        {
            return json[..(json.Length / 2)];
        }

        var root = JsonNode.Parse(json)!.AsObject();
        var parameters = root["parameters"]!.AsObject();
        switch (damage)
        {
            case "split feature out of range":
                parameters["splitFeatures"]!.AsArray()[0] = 999;
                break;
            case "tree count changed":
                parameters["trees"] = parameters["trees"]!.GetValue<int>() + 1;
                break;
            case "future format version":
                root["formatVersion"] = ModelFile.FormatVersion + 1;
                break;
            case "scaler shortened":
                parameters["scalerCenter"]!.AsArray().RemoveAt(0);
                break;
            case "weights shortened":
                parameters["parameters"]!.AsArray()[0]!.AsArray().RemoveAt(0);
                break;
        }

        return root.ToJsonString();
    }
}

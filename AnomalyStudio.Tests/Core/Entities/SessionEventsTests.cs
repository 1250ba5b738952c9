using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;
using Xunit.Abstractions;

namespace AnomalyStudio.Tests.Core.Entities;

/// <summary>HDFS blocks as sessions: loghub's labels per block, on half of LogLead's 2 % sample (5,707 blocks, 177 anomalous).</summary>
[Trait("Category", "Quality")]
public sealed class SessionEventsTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);

    public void Dispose() => _test.Dispose();

    private async Task<DetectionResult> RunAsync(string model)
    {
        await using var log = File.OpenRead(TestData.Shared("sessions", "HDFS_2pct_a.log"));
        await using var labels = File.OpenRead(TestData.Shared("sessions", "HDFS_2pct_a_labels.csv"));
        return await _test.Pipeline.RunAsync(log, new DetectionRequest
        {
            FileName = "HDFS_2pct_a.log", Mode = DetectionMode.Auto, Model = model, Labels = labels, Entities = new EntityOptions(),
        });
    }

    [Fact]
    public async Task Hdfs_blocks_are_scored_as_sessions_and_their_labels_are_found()
    {
        var result = await RunAsync(AnomalyStudio.Core.Detection.DetectorNames.IsolationForest);
        var entities = result.Entities!;
        var (auc, ap, flag) = entities.Evaluation!.Value;
        output.WriteLine($"ROC-AUC {auc:0.000}, AP {ap:0.000}, P {flag!.Precision:0.000} R {flag.Recall:0.000} F1 {flag.F1:0.000} (best {flag.BestF1:0.000})");

        Assert.Equal("block", entities.Column);
        Assert.Equal(5_707, entities.Count);
        Assert.Equal(177, entities.Labels!.Count(l => l));
        Assert.Contains(entities.Features.Names, n => n.StartsWith("event ", StringComparison.Ordinal));
        Assert.True(auc >= 0.97, $"ROC-AUC {auc}");
        Assert.True(flag.F1 >= 0.85, $"F1 at the flag {flag.F1}");
        Assert.Contains(result.Notes, n => n.StartsWith("Labels: 5,707 of 5,707 block values", StringComparison.Ordinal));
        var top = entities.Ranked[0];
        Assert.Matches("event '.*' that .* of sessions have|lacks '.*'", entities.Explanations[top]);
    }

    [Fact]
    public async Task The_same_file_gives_the_same_session_scores()
    {
        var first = await RunAsync(AnomalyStudio.Core.Detection.DetectorNames.IsolationForest);
        var again = await RunAsync(AnomalyStudio.Core.Detection.DetectorNames.IsolationForest);

        Assert.Equal(first.Entities!.Scores, again.Entities!.Scores);
        Assert.Equal(first.Entities.Severities.Count(s => s != Severity.Normal), again.Entities.Severities.Count(s => s != Severity.Normal));
    }
}

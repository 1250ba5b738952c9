using System.Collections.Concurrent;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Models;

/// <summary>Servers sharing one model directory: a missing model is trained once, and the others load that file.</summary>
public sealed class SharedModelDirectoryTests : IDisposable
{
    private readonly TestPipeline _test = new();

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task Two_stores_on_one_directory_starting_together_train_a_missing_model_once()
    {
        // Two stores as two servers would have them: separate locks in memory, one directory on disk.
        var log = new ConcurrentQueue<string>();
        var first = new ModelStore(_test.Directory, _test.Catalog, _test.Trainer, log.Enqueue);
        var second = new ModelStore(_test.Directory, _test.Catalog, _test.Trainer, log.Enqueue);
        using var start = new Barrier(2);
        var models = await Task.WhenAll(
            Task.Run(() => { start.SignalAndWait(); return first.GetOrTrainAsync(DetectorNames.IsolationForest, FeatureKind.AccessLog); }),
            Task.Run(() => { start.SignalAndWait(); return second.GetOrTrainAsync(DetectorNames.IsolationForest, FeatureKind.AccessLog); }));

        Assert.Single(log, l => l.StartsWith("Trained the pretrained", StringComparison.Ordinal));
        Assert.Equal(models[0].TrainedAt, models[1].TrainedAt);
        var features = new FeatureMatrix(models[0].Model.FeatureNames, 2);
        Assert.Equal(models[0].Model.Score(features), models[1].Model.Score(features));
        Assert.Empty(Directory.GetFiles(_test.Directory, "*.tmp"));
    }

    [Fact]
    public async Task A_held_lock_makes_the_next_holder_wait_until_it_is_released()
    {
        var path = _test.Store.PathFor(DetectorNames.IsolationForest, FeatureKind.AccessLog);
        var held = await ModelFileLock.AcquireAsync(path, CancellationToken.None);
        var waiting = ModelFileLock.AcquireAsync(path, CancellationToken.None);

        await Task.Delay(ModelFileLock.RetryInterval * 5);
        Assert.False(waiting.IsCompleted);

        held.Dispose();
        using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(File.Exists(ModelFileLock.PathOf(path)));
    }
}

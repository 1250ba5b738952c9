using AnomalyStudio.App.Configuration;
using AnomalyStudio.App.State;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.Tests.App.State;

/// <summary>The per-circuit session without a browser: uploads replace results, errors keep them, idleness releases them.</summary>
public sealed class AnalysisSessionTests : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _test.Dispose();

    private AnalysisSession NewSession(long maxUploadBytes = 100L * 1024 * 1024) =>
        new(_test.Pipeline, Options.Create(new AnomalyStudioOptions { SessionIdleTimeoutSeconds = 4, MaxUploadBytes = maxUploadBytes }), _clock, NullLogger<AnalysisSession>.Instance);

    private static Task UploadAsync(AnalysisSession session, string path) =>
        session.UploadAndRunAsync(Path.GetFileName(path), new FileInfo(path).Length, _ => File.OpenRead(path));

    [Fact]
    public async Task A_new_upload_replaces_the_results_and_a_bad_one_keeps_them()
    {
        using var session = NewSession();
        await UploadAsync(session, TestData.Samples("sample_access.log"));
        Assert.Equal(5_000, session.Result!.Summary.Total);
        Assert.Equal("sample_access.log", session.FileName);

        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.log");
        await File.WriteAllTextAsync(bad, "");
        try
        {
            await UploadAsync(session, bad);
        }
        finally
        {
            File.Delete(bad);
        }

        Assert.Contains("empty", session.Error);
        Assert.Equal("sample_access.log", session.FileName);
        Assert.Equal(5_000, session.Result.Summary.Total);

        await UploadAsync(session, TestData.Samples("sample_metrics.csv"));
        Assert.Null(session.Error);
        Assert.Equal("sample_metrics.csv", session.Result!.FileName);
    }

    [Fact]
    public async Task Another_model_reruns_the_same_file()
    {
        using var session = NewSession();
        await UploadAsync(session, TestData.Samples("sample_metrics.csv"));
        session.ChooseModel(DetectorNames.Autoencoder);

        await session.RunAsync();

        Assert.Equal(DetectorNames.Autoencoder, session.Result!.Model);
        Assert.Equal("sample_metrics.csv", session.FileName);
    }

    [Fact]
    public async Task Refuses_a_file_over_the_upload_limit_with_a_clear_message()
    {
        using var session = NewSession(maxUploadBytes: 1024 * 1024);

        await UploadAsync(session, TestData.Samples("sample_access.log"));

        Assert.Equal("sample_access.log is 1.1 MB; the largest file accepted is 1 MB.", session.Error);
        Assert.Null(session.Result);
    }

    [Fact]
    public async Task Releases_the_results_of_an_idle_session()
    {
        using var session = NewSession();
        await UploadAsync(session, TestData.Samples("sample_metrics.csv"));
        Assert.NotNull(session.Result);

        _clock.Advance(TimeSpan.FromSeconds(10));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (session.Result is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Null(session.Result);
        Assert.Null(session.FileName);
        Assert.Contains("without activity", session.Notice);
    }

    [Fact]
    public async Task Clear_empties_the_session()
    {
        using var session = NewSession();
        await UploadAsync(session, TestData.Samples("sample_metrics.csv"));

        session.Clear();

        Assert.Null(session.Result);
        Assert.Null(session.View);
        Assert.Null(session.FileName);
        await session.RunAsync(); // nothing to run
        Assert.Null(session.Result);
    }
}

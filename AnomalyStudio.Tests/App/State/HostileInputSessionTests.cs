using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Configuration;
using AnomalyStudio.App.State;
using AnomalyStudio.Tests.Core.Pipeline;
using AnomalyStudio.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.Tests.App.State;

/// <summary>
/// The dashboard's session on the hostile corpus: a refused file sets <see cref="AnalysisSession.Error"/> and keeps
/// the previous results; an accepted one replaces them, and its charts can be drawn.
/// </summary>
public sealed class HostileInputSessionTests : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);

    public void Dispose() => _test.Dispose();

    [Theory]
    [MemberData(nameof(HostileInputs.Names), MemberType = typeof(HostileInputs))]
    public async Task A_refused_file_sets_the_error_and_keeps_the_results_an_accepted_one_replaces_them(string name)
    {
        var input = HostileInputs.Named(name);
        var options = Options.Create(new AnomalyStudioOptions());
        using var session = new AnalysisSession(new DetectionAdmission(_test.Pipeline, new DetectionGate(options), new ResultMemoryBudget(options), options), options, TimeProvider.System, NullLogger<AnalysisSession>.Instance);
        var sample = TestData.Samples("sample_metrics.csv");
        await session.UploadAndRunAsync("sample_metrics.csv", new FileInfo(sample).Length, _ => File.OpenRead(sample));
        Assert.Null(session.Error);
        var bytes = input.Content();

        await session.UploadAndRunAsync(input.FileName, bytes.Length, _ => new MemoryStream(bytes)).WaitAsync(HostileInputPipelineTests.HangGuard);

        if (!input.Succeeds)
        {
            Assert.Equal($"{input.FileName}: ", session.Error![..(input.FileName.Length + 2)]);
            Assert.Contains(input.Error!, session.Error, StringComparison.Ordinal);
            Assert.Equal("sample_metrics.csv", session.FileName);
            Assert.Equal(5_000, session.Result!.Summary.Total);
            return;
        }

        Assert.Null(session.Error);
        Assert.Equal(input.FileName, session.FileName);
        HostileInputPipelineTests.AssertExpected(input, session.Result!);
        Assert.NotEmpty(ChartData.Severities(session.Result!));
        _ = ChartData.Histogram(session.Result!);
        _ = ChartData.Timeline(session.Result!);
    }
}

using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;
using Xunit.Abstractions;

namespace AnomalyStudio.Tests.Core.Entities;

/// <summary>The actors of line logs: clients and users taken from the messages, never pids; failed logins as evidence.</summary>
public sealed class LineLogActorTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);

    public void Dispose() => _test.Dispose();

    private async Task<DetectionResult> RunAsync(string text, string fileName, string? column = null)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return await _test.Pipeline.RunAsync(stream, new DetectionRequest { FileName = fileName, Mode = DetectionMode.Auto, Entities = new EntityOptions { Column = column } });
    }

    [Fact]
    public async Task An_sshd_logs_entities_are_its_clients_and_the_brute_force_client_ranks_first()
    {
        var result = await RunAsync(SshdLog.Generate(), "auth.log");
        var entities = result.Entities!;
        foreach (var e in entities.Ranked.Take(5))
        {
            output.WriteLine($"{entities.Scores[e]:0.000} {entities.Severities[e]} {entities.Explanations[e]}");
        }

        Assert.Equal("ip", entities.Column);
        Assert.Contains(result.Notes, n => n.StartsWith("Actors: 'ip'", StringComparison.Ordinal));
        Assert.Equal(SshdLog.Attacker, entities.Profiles[entities.Ranked[0]].Key);
        Assert.True(entities.Severities[entities.Ranked[0]] >= Severity.Low);
        Assert.True(entities.Profiles[entities.Ranked[0]].AuthFailures >= 300);
        Assert.Contains(Enumerable.Range(0, result.Records.Count), i => result.Records.Identifier(i) == SshdLog.Attacker); // records are named by their client
    }

    [Fact]
    public async Task Users_taken_from_the_messages_can_be_asked_for_as_entities()
    {
        var result = await RunAsync(SshdLog.Generate(), "auth.log", column: "user");

        Assert.Equal("user", result.Entities!.Column);
        Assert.Contains(result.Entities.Profiles, p => p.Key == "fztu");
        Assert.Contains(result.Entities.Profiles, p => p.Key == "admin");
    }

    [Fact]
    public async Task A_line_log_without_actors_is_not_grouped_by_pid()
    {
        var result = await RunAsync(File.ReadAllText(TestData.Shared("loghub", "Android_2k.log")), "Android_2k.log");

        Assert.NotEqual("pid", result.Entities?.Column);
    }
}

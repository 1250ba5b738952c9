using System.Text.Json;
using AnomalyStudio.Tests.Core.Pipeline;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Cli;

/// <summary><c>detect</c> on the hostile corpus: exit code 2 and one line on stderr, or 0 and the expected report.</summary>
[Collection(CliTestGroup.Name)]
public sealed class HostileInputCliTests(CliFixture fixture)
{
    [Theory]
    [MemberData(nameof(HostileInputs.Names), MemberType = typeof(HostileInputs))]
    public async Task Detect_exits_2_with_one_line_or_0_with_the_report(string name)
    {
        var input = HostileInputs.Named(name);
        var directory = Path.Combine(fixture.Directory, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, input.FileName);
        await File.WriteAllBytesAsync(path, input.Content());
        var report = Path.Combine(directory, "report.json");

        var (code, _, error) = await fixture.RunAsync("detect", path, "--format", "json", "--out", report).WaitAsync(HostileInputPipelineTests.HangGuard);

        if (!input.Succeeds)
        {
            Assert.Equal(2, code);
            Assert.StartsWith("error: ", error, StringComparison.Ordinal);
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.Contains(input.Error!, error, StringComparison.Ordinal);
            return;
        }

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(report));
        var summary = json.RootElement.GetProperty("summary");
        if (input.Records is { } records)
        {
            Assert.Equal(records, summary.GetProperty("total").GetInt32());
        }

        Assert.Equal(input.Skipped?.Count ?? 0, summary.GetProperty("skippedLines").GetInt64());
        if (input.Skipped is { } skipped)
        {
            Assert.Equal(skipped.FirstLine, json.RootElement.GetProperty("skipped")[0].GetProperty("line").GetInt64());
        }

        if (input.Note is { } note)
        {
            Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains(note, StringComparison.Ordinal));
        }
    }
}

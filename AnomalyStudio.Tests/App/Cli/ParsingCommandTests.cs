using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Cli;

/// <summary><c>bench parsing</c>: the template miner's grouping accuracy on every shared loghub system, as a Markdown table.</summary>
[Collection(CliTestGroup.Name)]
public sealed class ParsingCommandTests(CliFixture fixture)
{
    [Fact]
    public async Task Prints_a_row_per_loghub_system_the_average_and_drains_figures()
    {
        var (code, output, error) = await fixture.RunAsync("bench", "parsing", "--data", TestData.SharedData);

        Assert.True(code == 0, error);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("| system | lines | loghub templates | mined templates | grouping accuracy (Content) | through the reader (raw log)", rows[0], StringComparison.Ordinal);
        string[] systems = ["Android", "BGL", "HDFS", "Hadoop", "HealthApp", "Mac", "OpenStack", "Proxifier", "Spark", "Thunderbird", "Windows", "Zookeeper"];
        Assert.Equal(systems, rows.Skip(1).Take(systems.Length).Select(r => r.Split('|')[1].Trim()));
        Assert.Contains("| HDFS | 2,000 | 14 | 16 | 0.9975 | no raw log |", output, StringComparison.Ordinal);
        Assert.EndsWith("| 0.9975 |", rows.Single(r => r.StartsWith("| HDFS ", StringComparison.Ordinal)), StringComparison.Ordinal); // Drain's figure
        Assert.StartsWith("| **average** | 24,000 | | | **0.9775** |", rows[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_where_to_point_it_when_the_folder_has_no_loghub_files()
    {
        var (code, _, error) = await fixture.RunAsync("bench", "parsing", "--data", fixture.Directory);

        Assert.Equal(2, code);
        Assert.Contains("No loghub structured files", error, StringComparison.Ordinal);
    }
}

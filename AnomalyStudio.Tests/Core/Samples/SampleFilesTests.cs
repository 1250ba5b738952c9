using AnomalyStudio.Core.Formats.AccessLog;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Samples;

public sealed class SampleFilesTests : IDisposable
{
    private readonly ScratchDirectory _directory = new("samples");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Regenerates_the_shipped_samples_byte_for_byte()
    {
        SampleFiles.Write(_directory.FullName);

        foreach (var name in new[] { SampleFiles.AccessLog, SampleFiles.AccessLogLabels, SampleFiles.Metrics })
        {
            Assert.True(
                File.ReadAllBytes(TestData.Samples(name)).AsSpan().SequenceEqual(File.ReadAllBytes(_directory.PathOf(name))),
                $"{name} differs from what the generator writes");
        }
    }

    [Fact]
    public void Labels_every_line_and_injects_every_kind_of_attack()
    {
        var labels = File.ReadAllLines(TestData.Samples(SampleFiles.AccessLogLabels)).Skip(1).Select(l => l.Split(',')).ToList();
        var lines = File.ReadAllLines(TestData.Samples(SampleFiles.AccessLog));

        Assert.Equal(lines.Length, labels.Count);
        Assert.Equal(Enumerable.Range(1, lines.Length).Select(i => i.ToString()), labels.Select(l => l[0]));
        var kinds = labels.Where(l => l[1] == "1").Select(l => l[2]).ToHashSet();
        Assert.Superset(new HashSet<string> { "sql_injection", "path_traversal", "xss", "command_injection", "scanner", "brute_force", "exfiltration", "server_errors" }, kinds);
        Assert.InRange(labels.Count(l => l[1] == "1") / (double)labels.Count, 0.03, 0.15);
    }

    [Fact]
    public void A_different_seed_gives_a_different_log()
    {
        using var a = new StringWriter();
        using var b = new StringWriter();
        new AccessLogSampleGenerator(1).Write(a, null, 200);
        new AccessLogSampleGenerator(2).Write(b, null, 200);

        Assert.NotEqual(a.ToString(), b.ToString());
        Assert.Equal(200, a.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void The_metrics_sample_has_a_label_column_and_missing_values()
    {
        var rows = File.ReadAllLines(TestData.Samples(SampleFiles.Metrics));

        Assert.Equal(MetricsSampleGenerator.Header, rows[0]);
        Assert.Contains(rows, r => r.Contains(",NA,", StringComparison.Ordinal));
        Assert.InRange(rows.Skip(1).Count(r => r.Split(',')[10] == "1"), 50, 400);
    }
}

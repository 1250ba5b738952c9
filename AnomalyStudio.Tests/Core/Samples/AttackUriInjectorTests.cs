using AnomalyStudio.Core.Samples;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Samples;

public sealed class AttackUriInjectorTests
{
    [Fact]
    public void Changes_only_the_uri_of_the_chosen_lines_and_labels_them()
    {
        var lines = File.ReadAllLines(TestData.Shared("logs", "apache_access_elastic.log"));
        var payloads = AttackUriInjector.ReadPayloads(Path.Combine(TestData.RepositoryRoot, "samples", "attacks", "payloads.txt"));

        var injected = AttackUriInjector.Inject(lines, payloads, 100, 2015);

        Assert.Equal(100, injected.Labels.Count(l => l));
        for (var i = 0; i < lines.Length; i++)
        {
            if (!injected.Labels[i])
            {
                Assert.Same(lines[i], injected.Lines[i]);
                continue;
            }

            string[] Around(string line) => [line[..line.IndexOf("] \"", StringComparison.Ordinal)], line.Split('"')[0], string.Join('"', line.Split('"')[2..])];
            Assert.Equal(Around(lines[i]), Around(injected.Lines[i])); // client, time, status, size, referrer, agent
            Assert.NotEqual(lines[i], injected.Lines[i]);
            Assert.Equal(3, injected.Lines[i].Split('"')[1].Split(' ').Length); // still "METHOD URI PROTOCOL"
        }

        Assert.Equal(injected.Lines, AttackUriInjector.Inject(lines, payloads, 100, 2015).Lines); // seeded
    }
}

using System.Text;
using AnomalyStudio.Core.Samples;

namespace AnomalyStudio.Core.Quality;

/// <summary>
/// The files the quality benchmark scores: every data set of the shared data folder (ODDS tables, loghub logs and
/// structured samples, HDFS blocks as sessions with their labels, the CSIC 2010 web attacks, the real Apache access log),
/// the project's samples, and public attack URIs injected into the real access log (<see cref="AttackUriInjector"/>).
/// </summary>
public static class QualitySets
{
    /// <summary>Attacks injected into the real access log, and the seed that picks their lines.</summary>
    public const int InjectedAttacks = 100, InjectionSeed = 2015;

    public static IReadOnlyList<QualitySet> Find(string sharedData, string samples)
    {
        var sets = new List<QualitySet>();
        var tabular = Path.Combine(sharedData, "tabular");
        if (Directory.Exists(tabular))
        {
            sets.AddRange(Directory.GetFiles(tabular, "*.csv").Order(StringComparer.Ordinal).Select(f => FromFile("odds/" + Path.GetFileNameWithoutExtension(f), f)));
        }

        foreach (var name in new[] { "BGL_2k.log_structured.csv", "HDFS_2k.log_structured.csv", "Thunderbird_2k.log_structured.csv", "Apache_2k.log", "apache_access_elastic.log" })
        {
            var path = Path.Combine(sharedData, "logs", name);
            if (File.Exists(path))
            {
                sets.Add(FromFile("logs/" + name, path));
            }
        }

        var loghub = Path.Combine(sharedData, "loghub");
        if (Directory.Exists(loghub))
        {
            sets.AddRange(Directory.GetFiles(loghub, "*_2k.log").Order(StringComparer.Ordinal).Select(f => FromFile("loghub/" + Path.GetFileName(f), f)));
        }

        var hdfs = Path.Combine(sharedData, "sessions", "HDFS_2pct_a.log");
        var hdfsLabels = Path.Combine(sharedData, "sessions", "HDFS_2pct_a_labels.csv");
        if (File.Exists(hdfs) && File.Exists(hdfsLabels))
        {
            sets.Add(new QualitySet("sessions/HDFS_2pct_a.log (blocks)", "HDFS_2pct_a.log", () => File.OpenRead(hdfs), () => File.OpenRead(hdfsLabels), Entities: true));
        }

        foreach (var name in new[] { "csic2010_sample.csv", "csic2010_test.csv.gz" })
        {
            var path = Path.Combine(sharedData, "web", name);
            if (File.Exists(path))
            {
                sets.Add(FromFile("web/" + name, path));
            }
        }

        if (InjectedAccessLog(sharedData, samples) is { } injected)
        {
            sets.Add(injected);
        }

        var sampleLog = Path.Combine(samples, "sample_access.log");
        var sampleLabels = Path.Combine(samples, "sample_access.labels.csv");
        if (File.Exists(sampleLog))
        {
            sets.Add(new QualitySet("samples/sample_access.log", "sample_access.log", () => File.OpenRead(sampleLog),
                File.Exists(sampleLabels) ? () => File.OpenRead(sampleLabels) : null));
        }

        var sampleMetrics = Path.Combine(samples, "sample_metrics.csv");
        if (File.Exists(sampleMetrics))
        {
            sets.Add(FromFile("samples/sample_metrics.csv", sampleMetrics));
        }

        return sets;
    }

    /// <summary>The real Apache log with <see cref="InjectedAttacks"/> of its requests' URIs replaced by public attack payloads.</summary>
    public static QualitySet? InjectedAccessLog(string sharedData, string samples)
    {
        var log = Path.Combine(sharedData, "logs", "apache_access_elastic.log");
        var payloads = Path.Combine(samples, "attacks", "payloads.txt");
        if (!File.Exists(log) || !File.Exists(payloads))
        {
            return null;
        }

        var injected = new Lazy<AttackUriInjector.Injected>(() =>
            AttackUriInjector.Inject(File.ReadAllLines(log), AttackUriInjector.ReadPayloads(payloads), InjectedAttacks, InjectionSeed));
        return new QualitySet(
            "injected/elastic+attacks.log",
            "elastic_with_attacks.log",
            () => new MemoryStream(Encoding.UTF8.GetBytes(injected.Value.Text)),
            () => new MemoryStream(Encoding.UTF8.GetBytes(
                "line,label\n" + string.Concat(injected.Value.Labels.Select((attack, i) => $"{i + 1},{(attack ? 1 : 0)}\n")))));
    }

    private static QualitySet FromFile(string name, string path) => new(name, Path.GetFileName(path), () => File.OpenRead(path));
}

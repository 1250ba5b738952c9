using System.Text;
using AnomalyStudio.Core.Samples;

namespace AnomalyStudio.App.Cli.Quality;

/// <summary>
/// The files the quality benchmark scores, in the order of <see cref="Table"/>: every data set of the shared data folder
/// (ODDS tables, loghub logs and structured samples, HDFS blocks as sessions with their labels, the CSIC 2010 web attacks,
/// the real Apache access log), public attack URIs injected into the real access log (<see cref="AttackUriInjector"/>),
/// and the project's samples. A set whose files are missing is left out.
/// </summary>
public static class QualitySets
{
    /// <summary>Attacks injected into the real access log, and the seed that picks their lines.</summary>
    public const int InjectedAttacks = 100, InjectionSeed = 2015;

    /// <summary>The public attack payloads injected into <see cref="QualityEntry.InjectAttacks"/> entries, under the samples folder.</summary>
    public const string AttackPayloads = "attacks/payloads.txt";

    /// <summary>Every data set of the benchmark, one line each; the only place their names and paths are written.</summary>
    public static IReadOnlyList<QualityEntry> Table { get; } =
    [
        new("odds/{stem}", QualityFolder.SharedData, "tabular/*.csv"),
        new("logs/BGL_2k.log_structured.csv", QualityFolder.SharedData, "logs/BGL_2k.log_structured.csv"),
        new("logs/HDFS_2k.log_structured.csv", QualityFolder.SharedData, "logs/HDFS_2k.log_structured.csv"),
        new("logs/Thunderbird_2k.log_structured.csv", QualityFolder.SharedData, "logs/Thunderbird_2k.log_structured.csv"),
        new("logs/Apache_2k.log", QualityFolder.SharedData, "logs/Apache_2k.log"),
        new("logs/apache_access_elastic.log", QualityFolder.SharedData, "logs/apache_access_elastic.log"),
        new("loghub/{name}", QualityFolder.SharedData, "loghub/*_2k.log"),
        new("sessions/HDFS_2pct_a.log (blocks)", QualityFolder.SharedData, "sessions/HDFS_2pct_a.log", "sessions/HDFS_2pct_a_labels.csv", Entities: true),
        new("web/csic2010_sample.csv", QualityFolder.SharedData, "web/csic2010_sample.csv"),
        new("web/csic2010_test.csv.gz", QualityFolder.SharedData, "web/csic2010_test.csv.gz"),
        new("injected/elastic+attacks.log", QualityFolder.SharedData, "logs/apache_access_elastic.log") { InjectAttacks = true, FileName = "elastic_with_attacks.log" },
        new("samples/sample_access.log", QualityFolder.Samples, "sample_access.log", "sample_access.labels.csv"),
        new("samples/sample_metrics.csv", QualityFolder.Samples, "sample_metrics.csv"),
    ];

    /// <summary>The sets of <see cref="Table"/> whose files exist under <paramref name="sharedData"/> and <paramref name="samples"/>.</summary>
    public static IReadOnlyList<QualitySet> Find(string sharedData, string samples) =>
        [.. Table.SelectMany(entry => Find(entry, entry.Folder == QualityFolder.Samples ? samples : sharedData, samples))];

    private static IEnumerable<QualitySet> Find(QualityEntry entry, string folder, string samples)
    {
        foreach (var path in Files(folder, entry.Path))
        {
            if (entry.InjectAttacks)
            {
                var payloads = Path.Combine(samples, AttackPayloads);
                if (File.Exists(payloads))
                {
                    yield return Injected(entry, path, payloads);
                }
            }
            else if (FromFile(entry, path, folder) is { } set)
            {
                yield return set;
            }
        }
    }

    /// <summary>The file at <paramref name="path"/> under <paramref name="folder"/> when it exists, or every file its wildcard matches, in ordinal order.</summary>
    private static IEnumerable<string> Files(string folder, string path)
    {
        var name = Path.GetFileName(path);
        if (name.Contains('*', StringComparison.Ordinal))
        {
            var directory = Path.Combine(folder, Path.GetDirectoryName(path)!);
            return Directory.Exists(directory) ? Directory.GetFiles(directory, name).Order(StringComparer.Ordinal) : [];
        }

        var only = Path.Combine(folder, path);
        return File.Exists(only) ? [only] : [];
    }

    /// <summary>The set's name; for a file matched by a wildcard, <c>{name}</c> is the file's name and <c>{stem}</c> the name without its extension.</summary>
    private static string NameOf(QualityEntry entry, string path) => entry.Name
        .Replace("{name}", Path.GetFileName(path), StringComparison.Ordinal)
        .Replace("{stem}", Path.GetFileNameWithoutExtension(path), StringComparison.Ordinal);

    /// <summary>
    /// The set reading the file as it is. Its labels are used when the file exists; a set whose entities are scored
    /// needs them (there is nothing to judge the entities on without), so it is left out when they are missing.
    /// </summary>
    private static QualitySet? FromFile(QualityEntry entry, string path, string folder)
    {
        var labels = entry.Labels is null ? null : Path.Combine(folder, entry.Labels);
        if (labels is not null && !File.Exists(labels))
        {
            if (entry.Entities)
            {
                return null;
            }

            labels = null;
        }

        return new QualitySet(
            NameOf(entry, path), entry.FileName ?? Path.GetFileName(path), () => File.OpenRead(path), labels is null ? null : () => File.OpenRead(labels), entry.Entities);
    }

    /// <summary>The log with <see cref="InjectedAttacks"/> of its requests' URIs replaced by public attack payloads, labelled line by line.</summary>
    private static QualitySet Injected(QualityEntry entry, string log, string payloads)
    {
        var injected = new Lazy<AttackUriInjector.Injected>(() =>
            AttackUriInjector.Inject(File.ReadAllLines(log), AttackUriInjector.ReadPayloads(payloads), InjectedAttacks, InjectionSeed));
        return new QualitySet(
            entry.Name,
            entry.FileName ?? Path.GetFileName(log),
            () => new MemoryStream(Encoding.UTF8.GetBytes(injected.Value.Text)),
            () => new MemoryStream(Encoding.UTF8.GetBytes(
                "line,label\n" + string.Concat(injected.Value.Labels.Select((attack, i) => $"{i + 1},{(attack ? 1 : 0)}\n")))));
    }
}

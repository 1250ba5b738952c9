namespace AnomalyStudio.App.Cli;

/// <summary>
/// One loghub system of the parsing benchmark: loghub's structured parse (messages and true event ids), the raw log
/// when there is one, and the grouping accuracy Drain's reference implementation reaches on it.
/// </summary>
public sealed record ParsingSystem(string Name, string StructuredPath, string? RawPath, double? DrainAccuracy)
{
    /// <summary>
    /// Drain's grouping accuracy on loghub's 2k samples as <c>logpai/logparser</c>'s benchmark prints it
    /// (<c>logparser/Drain/README.md</c>, quoted in the shared data's README).
    /// </summary>
    public static IReadOnlyDictionary<string, double> DrainReference { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["Android"] = 0.911, ["Apache"] = 1.0, ["BGL"] = 0.9625, ["Hadoop"] = 0.9475, ["HDFS"] = 0.9975, ["HealthApp"] = 0.78,
        ["HPC"] = 0.887, ["Linux"] = 0.69, ["Mac"] = 0.7865, ["OpenSSH"] = 0.7875, ["OpenStack"] = 0.7325, ["Proxifier"] = 0.5265,
        ["Spark"] = 0.92, ["Thunderbird"] = 0.955, ["Windows"] = 0.997, ["Zookeeper"] = 0.9665,
    };

    private static readonly string[] Folders = ["loghub", "logs"];

    /// <summary>Every <c>&lt;System&gt;_2k.log_structured.csv</c> under <c>loghub/</c> and <c>logs/</c> of the shared data folder, by name.</summary>
    public static IReadOnlyList<ParsingSystem> Find(string sharedData)
    {
        const string Suffix = "_2k.log_structured.csv";
        return Folders
            .Select(folder => Path.Combine(sharedData, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*" + Suffix))
            .Select(path =>
            {
                var name = Path.GetFileName(path)[..^Suffix.Length];
                var raw = path[..^"_structured.csv".Length];
                return new ParsingSystem(name, path, File.Exists(raw) ? raw : null, DrainReference.TryGetValue(name, out var drain) ? drain : null);
            })
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }
}

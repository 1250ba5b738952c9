using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Tests.Support;

/// <summary>Finds the repository and the shared real data sets (../shared/data beside the repository).</summary>
public static class TestData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SharedData { get; } =
        Environment.GetEnvironmentVariable("ANOMALYSTUDIO_SHARED_DATA")
        ?? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string Shared(params string[] parts) => Path.Combine([SharedData, .. parts]);

    public static string Samples(string name) => Path.Combine(RepositoryRoot, "samples", name);

    /// <summary>An ODDS table from the shared data, read through the product's own CSV reader.</summary>
    public static CsvTable ReadTabular(string dataset)
    {
        using var stream = File.OpenRead(Shared("tabular", dataset + ".csv"));
        var sniffed = FormatDetector.Detect(stream, dataset + ".csv");
        return new CsvTableReader().Read(sniffed.Content, sniffed.CsvDelimiter);
    }

    public static bool[] Labels(CsvTable table) =>
        table.LabelColumn!.Texts!.Select(LabelValues.IsAnomaly).ToArray();

    public static FeatureMatrix NumericFeatures(CsvTable table) => CsvOwnColumnFeatures.Numeric(table).Matrix;

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AnomalyStudio.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AnomalyStudio.sln not found above the test binaries.");
    }
}

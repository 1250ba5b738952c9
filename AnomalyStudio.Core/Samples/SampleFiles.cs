using AnomalyStudio.Core.Formats.AccessLog;
using AnomalyStudio.Core.Formats;

namespace AnomalyStudio.Core.Samples;

/// <summary>Writes the sample files the product ships with (and the CLI's <c>samples</c> verb regenerates).</summary>
public static class SampleFiles
{
    public const string AccessLog = "sample_access.log";
    public const string AccessLogLabels = "sample_access.labels.csv";
    public const string Metrics = "sample_metrics.csv";

    /// <summary>The seed of the published samples; pretrained models are trained on other seeds.</summary>
    public const int Seed = 42;

    public static IReadOnlyList<string> Write(string directory, int seed = Seed, int logLines = 5_000, int metricRows = 5_000)
    {
        Directory.CreateDirectory(directory);
        var log = Path.Combine(directory, AccessLog);
        var labels = Path.Combine(directory, AccessLogLabels);
        var metrics = Path.Combine(directory, Metrics);
        using (var logWriter = NewWriter(log))
        using (var labelWriter = NewWriter(labels))
        {
            new AccessLogSampleGenerator(seed).Write(logWriter, labelWriter, logLines);
        }

        using (var metricsWriter = NewWriter(metrics))
        {
            new MetricsSampleGenerator(seed).Write(metricsWriter, metricRows);
        }

        return [log, labels, metrics];
    }

    /// <summary>UTF-8 without BOM and '\n' line ends on every OS, so the files are byte-identical everywhere.</summary>
    public static StreamWriter NewWriter(string path) =>
        new(path, append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
}

using AnomalyStudio.Core.Formats.AccessLog;
using AnomalyStudio.Core.Samples;

namespace AnomalyStudio.Tests.Load;

/// <summary>Access logs for the load tests, written by the product's own deterministic sample generator.</summary>
public static class LoadLogs
{
    /// <summary>Bytes per line of the generator's logs, near enough to size a file in advance.</summary>
    private const int BytesPerLine = 225;

    /// <summary>Writes a log of about <paramref name="bytes"/> bytes; returns its path and its number of lines.</summary>
    public static (string Path, int Lines) OfSize(string directory, long bytes) => OfLines(directory, (int)Math.Max(1_000, bytes / BytesPerLine));

    /// <summary>Writes a log of exactly <paramref name="lines"/> lines.</summary>
    public static (string Path, int Lines) OfLines(string directory, int lines)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"load-{lines}.log");
        using (var writer = SampleFiles.NewWriter(path))
        {
            new AccessLogSampleGenerator(2026).Write(writer, null, lines);
        }

        return (path, lines);
    }
}

using System.Globalization;
using System.Text.Json;

namespace AnomalyStudio.App.Cli.Nab;

/// <summary>
/// One NAB series: its file, its timestamps in row order, and its labelled anomaly windows as inclusive row ranges (the
/// rows whose timestamp lies between a window's start and end, as NAB's labeller selects them).
/// </summary>
public sealed record NabSeries(string Name, string Path, DateTime[] Timestamps, IReadOnlyList<(int Start, int End)> Windows)
{
    /// <summary>Per row, whether it lies inside a window.</summary>
    public bool[] InsideWindow()
    {
        var inside = new bool[Timestamps.Length];
        foreach (var (start, end) in Windows)
        {
            Array.Fill(inside, true, start, end - start + 1);
        }

        return inside;
    }

    /// <summary>
    /// Every series under <paramref name="folder"/> that <c>combined_windows.json</c> there names (keys are paths relative to
    /// the folder, as in NAB's <c>labels/combined_windows.json</c>), in the order of that file.
    /// </summary>
    public static IReadOnlyList<NabSeries> Read(string folder)
    {
        var labels = System.IO.Path.Combine(folder, "combined_windows.json");
        if (!File.Exists(labels))
        {
            throw new FileNotFoundException($"No combined_windows.json in {folder} (the NAB folder of the shared data; set --data).", labels);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(labels));
        var series = new List<NabSeries>();
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            var path = System.IO.Path.Combine(folder, entry.Name);
            if (!File.Exists(path))
            {
                continue;
            }

            var timestamps = ReadTimestamps(path);
            var windows = entry.Value.EnumerateArray()
                .Select(w => (Parse(w[0].GetString()!), Parse(w[1].GetString()!)))
                .Select(w => (Start: Array.FindIndex(timestamps, t => t >= w.Item1), End: Array.FindLastIndex(timestamps, t => t <= w.Item2)))
                .Where(w => w.Start >= 0 && w.End >= w.Start)
                .ToList();
            series.Add(new NabSeries(entry.Name, path, timestamps, windows));
        }

        return series;
    }

    private static DateTime[] ReadTimestamps(string path) =>
        [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => Parse(l[..l.IndexOf(',', StringComparison.Ordinal)]))];

    private static DateTime Parse(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

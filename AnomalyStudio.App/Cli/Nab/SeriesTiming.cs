using System.Diagnostics;
using System.Globalization;
using System.Text;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Cli.Nab;

/// <summary>
/// <c>bench nab --rows N</c> (also <c>bench timeseries --rows N</c>): writes a generated <c>timestamp,value</c> file of N
/// one-minute points (a daily cycle, noise, a spike, a dip and a level shift, from a fixed seed) and times the whole
/// detection on it, as an upload runs it: parse, time-series context, fit, score, explain. Prints the median of the runs
/// and each stage's share; the file is deleted afterwards.
/// </summary>
public static class SeriesTiming
{
    public const int Seed = 25;

    /// <summary>Writes the series to <paramref name="path"/>.</summary>
    public static void Write(string path, int rows)
    {
        var random = new Random(Seed);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("timestamp,value\n");
        for (var i = 0; i < rows; i++)
        {
            var value = 50 + (20 * Math.Sin(2 * Math.PI * i / 1440)) + (2 * Gaussian(random));
            value += i == rows / 4 ? 40 : i == rows / 2 ? -35 : 0;
            value += i >= 3 * rows / 4 ? 15 : 0;
            writer.Write(start.AddMinutes(i).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(value.ToString("0.###", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    /// <summary>Times <paramref name="runs"/> detections of a generated series of <paramref name="rows"/> rows and writes the median.</summary>
    public static async Task RunAsync(DetectionPipeline pipeline, NabRequest request, int rows, int runs, TextWriter output, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"anomalystudio-series-{Environment.ProcessId}.csv");
        try
        {
            Write(path, rows);
            // Each run keeps only its figures: a result holds the whole parsed table, and keeping the earlier runs' alive
            // would make every later run's garbage collections mark two or three million-row tables instead of one.
            var results = new List<RunFigures>();
            for (var run = 0; run < runs; run++)
            {
                results.Add(await TimeOneAsync(pipeline, request, path, cancellationToken).ConfigureAwait(false));
            }

            var median = results.OrderBy(r => r.Wall).ElementAt(results.Count / 2);
            var stages = string.Join(", ", median.Timings.GroupBy(t => t.Stage).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key.ToString().ToLowerInvariant()} {g.Sum(t => t.Elapsed.TotalSeconds):0.00} s")));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{rows:N0}-row timestamp,value file ({(median.Series ? "time series" : "records")}, {request.Model}): median {median.Wall.TotalSeconds:0.00} s wall, {median.Cpu.TotalSeconds:0.00} s CPU over {runs} run{(runs == 1 ? "" : "s")} ({stages}); {median.Flagged:N0} flagged.")).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<RunFigures> TimeOneAsync(DetectionPipeline pipeline, NabRequest request, string path, CancellationToken cancellationToken)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await using var input = File.OpenRead(path);
        var result = await pipeline.RunAsync(input, new DetectionRequest { FileName = Path.GetFileName(path), Model = request.Model, Mode = request.Mode, Analysis = request.Analysis }, null, cancellationToken).ConfigureAwait(false);
        return new RunFigures(clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, result.Timings, result.TimeSeries is not null, result.Summary.Anomalies);
    }

    private sealed record RunFigures(TimeSpan Wall, TimeSpan Cpu, IReadOnlyList<StageTiming> Timings, bool Series, int Flagged);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

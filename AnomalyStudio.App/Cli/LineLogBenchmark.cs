using System.Diagnostics;
using System.Globalization;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Formats.LineLog;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.App.Cli;

/// <summary>
/// The line-log part of <c>bench</c>: a real line log (by default the shared HDFS blocks) repeated to about as many lines
/// as the access-log run, read through format detection and the line-log reader (header, template mining, message
/// parameters) and its features, as <c>detect</c> reads it. It prints the parsing stage's lines per second and, per
/// core, lines per CPU-second of the whole read, so the figure means the same however many cores did the work, and the bytes
/// allocated and the time the garbage collector paused the read.
/// </summary>
public static class LineLogBenchmark
{
    /// <summary>The shared data's HDFS log, the default (ANOMALYSTUDIO_SHARED_DATA, else ../shared/data, as <c>bench parsing</c>).</summary>
    public static string DefaultPath => Path.Combine(
        Environment.GetEnvironmentVariable("ANOMALYSTUDIO_SHARED_DATA") ?? Path.Combine("..", "shared", "data"), "sessions", "HDFS_2pct_a.log");

    /// <summary>Times the read of <paramref name="source"/> repeated to <paramref name="lines"/> lines: a cold run, then <paramref name="warmRuns"/> warm ones.</summary>
    public static async Task RunAsync(TextWriter output, string? source, int lines, ParseLimits limits, CancellationToken cancellationToken, int warmRuns = 1)
    {
        source ??= DefaultPath;
        if (!File.Exists(source))
        {
            await output.WriteLineAsync($"line log: no file at {source} (give one with --line-log)").ConfigureAwait(false);
            return;
        }

        var path = Path.Combine(Path.GetTempPath(), $"anomalystudio-bench-lines-{Environment.ProcessId}.log");
        try
        {
            var written = Repeat(source, path, lines);
            for (var run = 0; run <= warmRuns; run++)
            {
                var label = run == 0 ? "first run (cold JIT)" : $"run {run + 1} (warm)";
                await output.WriteLineAsync(Measure(path, written, limits, label, cancellationToken)).ConfigureAwait(false);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Writes <paramref name="source"/> again and again until at least <paramref name="lines"/> lines (whole copies).</summary>
    private static long Repeat(string source, string path, int lines)
    {
        var text = File.ReadAllBytes(source);
        var perCopy = Math.Max(1, text.AsSpan().Count((byte)'\n'));
        var copies = Math.Max(1, (lines + perCopy - 1) / perCopy);
        using var file = File.Create(path);
        for (var c = 0; c < copies; c++)
        {
            file.Write(text);
        }

        return (long)copies * perCopy;
    }

    private static string Measure(string path, long lines, ParseLimits limits, string label, CancellationToken cancellationToken)
    {
        var parsing = TimeSpan.Zero;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var pauses = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        PreparedInput prepared;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            prepared = InputPreparer.Prepare(stream, Path.GetFileName(path), _ => true, limits,
                (stage, elapsed) => parsing += stage == PreparationStage.Parsing ? elapsed : TimeSpan.Zero, cancellationToken: cancellationToken);
        }

        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        pauses = GC.GetTotalPauseDuration() - pauses;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        var format = prepared.Format.Name == LineLogFormat.FormatName ? "line log" : $"read as {prepared.Format.Name}";
        return string.Create(CultureInfo.InvariantCulture,
            $"line log {label}: {lines:N0} lines ({format}, {prepared.Templates?.Templates.Count ?? 0:N0} templates): parsing {parsing.TotalSeconds:0.000} s = {lines / Math.Max(parsing.TotalSeconds, 1e-9):N0} lines/s; "
            + $"parsing and features {clock.Elapsed.TotalSeconds:0.000} s, {cpuSeconds:0.000} CPU-s = {lines / Math.Max(cpuSeconds, 1e-9):N0} lines per CPU-second (per core); "
            + $"{allocated / 1e6:N0} MB allocated, GC pauses {pauses.TotalSeconds:0.000} s");
    }
}

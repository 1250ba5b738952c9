using AnomalyStudio.Core.Formats.AccessLog;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;
using AnomalyStudio.Core.Samples;

namespace AnomalyStudio.App.Cli;

/// <summary>
/// <c>bench</c>: generates a large access log (1,000,000 lines by default) and prints the time and throughput
/// of every pipeline stage, the CSV report, the cost of entities and spikes against the plain detect, moving the
/// threshold, the autoencoder, line-log parsing with template mining (<see cref="LineLogBenchmark"/>), and the
/// process's peak memory. Speed targets live here, not in tests.
/// </summary>
public static class BenchCommand
{
    public static Command Create(TextWriter output)
    {
        var lines = new Option<int>("--lines") { Description = "Lines of the generated access log.", DefaultValueFactory = _ => 1_000_000 };
        var file = new Option<FileInfo?>("--file") { Description = "Benchmark this file instead of a generated log." };
        var keep = new Option<FileInfo?>("--keep") { Description = "Write the generated log here and keep it (e.g. to run the Python reference on the same file)." };
        var model = CliChoices.ModelOption("Model to score with");
        var runs = new Option<int>("--runs") { Description = "Timed runs after the first (cold) one.", DefaultValueFactory = _ => 1 };
        var lineLog = new Option<FileInfo?>("--line-log") { Description = "A line log to time the line-log reader (header, template mining, parameters) on, repeated to --lines lines (default: the shared data's HDFS log)." };

        var mode = new Option<string>("--mode") { Description = "Detection mode to time (auto, pretrained or fit).", DefaultValueFactory = _ => DetectionModes.Auto };
        mode.AcceptOnlyFromAmong([.. DetectionModes.Names]);
        var command = new Command("bench", "Print the throughput of each pipeline stage on a generated 1,000,000-line access log.") { lines, file, keep, model, mode, runs, lineLog };
        command.Subcommands.Add(QualityCommand.Create(output));
        command.Subcommands.Add(ParsingCommand.Create(output));
        command.Subcommands.Add(LinesCommand.Create(output));
        command.Subcommands.Add(Nab.NabCommand.Create(output));
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = CliHost.Build();
            var pipeline = services.GetRequiredService<DetectionPipeline>();
            var path = parse.GetValue(file)?.FullName;
            var temporary = false;
            if (path is null)
            {
                path = parse.GetValue(keep)?.FullName ?? Path.Combine(Path.GetTempPath(), $"anomalystudio-bench-{Environment.ProcessId}.log");
                temporary = parse.GetValue(keep) is null;
                var generate = Stopwatch.StartNew();
                using (var writer = SampleFiles.NewWriter(path))
                {
                    new AccessLogSampleGenerator(2026).Write(writer, null, parse.GetValue(lines));
                }

                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"generated {parse.GetValue(lines):N0} lines ({new FileInfo(path).Length / 1e6:0.0} MB) in {generate.Elapsed.TotalSeconds:0.00}s: {path}")).ConfigureAwait(false);
            }

            try
            {
                var name = pipeline.Catalog.Resolve(parse.GetValue(model)!);
                // Make sure the pretrained model exists, so its one-off training is not timed as scoring.
                await pipeline.Store.GetOrTrainAsync(name, Core.Features.FeatureKind.AccessLog, null, cancellationToken).ConfigureAwait(false);
                DetectionResult? last = null;
                for (var run = 0; run <= parse.GetValue(runs); run++)
                {
                    last = await RunOnceAsync(output, pipeline, path, name, DetectionModes.Parse(parse.GetValue(mode)), run == 0 ? "first run (cold JIT)" : $"run {run + 1} (warm)", cancellationToken).ConfigureAwait(false);
                }

                // The same file with entities and spikes, as the dashboard and the session API run it: the issue's
                // budget is 1.5× the plain detection's time.
                var population = await RunOnceAsync(output, pipeline, path, name, DetectionModes.Parse(parse.GetValue(mode)), "with entities and spikes (warm)", cancellationToken, population: true).ConfigureAwait(false);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"entities and spikes: {population.Entities?.Count ?? 0:N0} entities, {population.Spikes?.Spikes.Count ?? 0} spikes; detect {population.Elapsed.TotalSeconds:0.000} s = {population.Elapsed.TotalSeconds / last!.Elapsed.TotalSeconds:0.00}x the plain detect ({last.Elapsed.TotalSeconds:0.000} s)")).ConfigureAwait(false);

                await BenchRebandAsync(output, population).ConfigureAwait(false);
                await BenchAutoencoderAsync(output, pipeline, last!.Features, cancellationToken).ConfigureAwait(false);
                await LineLogBenchmark.RunAsync(output, parse.GetValue(lineLog)?.FullName, parse.GetValue(lines), pipeline.Options.Limits, cancellationToken).ConfigureAwait(false);

                using var process = Process.GetCurrentProcess();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"peak working set {process.PeakWorkingSet64 / 1e6:0} MB; GC pauses {GC.GetTotalPauseDuration().TotalSeconds:0.000} s (gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}); {Environment.ProcessorCount} cores")).ConfigureAwait(false);
            }
            finally
            {
                if (temporary)
                {
                    File.Delete(path);
                }
            }

            return CliApplication.Success;
        });
        return command;
    }

    /// <summary>
    /// Moving the dashboard's threshold: the result re-banded (severities, counts, explanations of newly flagged records)
    /// and the table's view rebuilt from its cached order, as <see cref="State.AnalysisSession.SetThreshold"/> does.
    /// Five moves between the top 1 % and a score below the file's own threshold, then back; the median and the slowest.
    /// </summary>
    private static async Task BenchRebandAsync(TextWriter output, DetectionResult result)
    {
        var view = new State.ResultsView(result);
        var first = Stopwatch.StartNew();
        _ = view.ScoresDescending;
        first.Stop();
        var moves = new List<double>();
        var current = result;
        for (var i = 0; i < 10; i++)
        {
            var clock = Stopwatch.StartNew();
            var flag = i % 2 == 0
                ? new Core.Scoring.FlagOverride { Top = Math.Max(1, result.Summary.Total / 100) }
                : new Core.Scoring.FlagOverride { Score = Math.Max(0, result.FileThreshold.Score - 0.1) };
            current = current.WithThreshold(flag.Resolve(current.Records.Scores, view.ScoresDescending));
            view = view.For(current);
            moves.Add(clock.Elapsed.TotalMilliseconds);
        }

        moves.Sort();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"threshold moves: {result.Summary.Total:N0} records re-banded with the table's view in {moves[moves.Count / 2]:0} ms median, {moves[^1]:0} ms slowest (10 moves; the sorted scores once: {first.Elapsed.TotalMilliseconds:0} ms)")).ConfigureAwait(false);
    }

    /// <summary>Autoencoder training on 10,000 rows × the configured epochs, and batched inference on every row.</summary>
    private static async Task BenchAutoencoderAsync(TextWriter output, DetectionPipeline pipeline, Core.Features.FeatureMatrix features, CancellationToken cancellationToken)
    {
        var detector = pipeline.Catalog.Create(DetectorNames.Autoencoder);
        if (!detector.Availability.IsAvailable)
        {
            await output.WriteLineAsync($"autoencoder: unavailable ({detector.Availability.Reason})").ConfigureAwait(false);
            return;
        }

        var rows = Math.Min(10_000, features.Rows);
        var training = features.Select(Enumerable.Range(0, rows).Select(i => (int)((long)i * features.Rows / rows)).ToArray());
        var train = Stopwatch.StartNew();
        var model = (Core.Detection.Autoencoder.AutoencoderModel)detector.Fit(training, null, cancellationToken);
        train.Stop();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"autoencoder training: {rows:N0} rows x {model.Losses.Count} epochs in {train.Elapsed.TotalSeconds:0.00} s (loss {model.Losses[0]:0.000000} -> {model.Losses[^1]:0.000000})")).ConfigureAwait(false);

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var score = Stopwatch.StartNew();
        model.Score(features, cancellationToken);
        score.Stop();
        process.Refresh();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"autoencoder inference: {features.Rows:N0} rows in {score.Elapsed.TotalSeconds:0.000} s = {score.Elapsed.TotalMilliseconds * 1000 / features.Rows:0.00} µs/record (batches of {Core.Detection.Autoencoder.AutoencoderModel.BatchRows:N0}); working set {before / 1e6:0} MB before, {process.WorkingSet64 / 1e6:0} MB after")).ConfigureAwait(false);
    }

    private static async Task<DetectionResult> RunOnceAsync(
        TextWriter output, DetectionPipeline pipeline, string path, string model, DetectionMode mode, string label, CancellationToken cancellationToken, bool population = false)
    {
        var total = Stopwatch.StartNew();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        DetectionResult result;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            result = await pipeline.RunAsync(stream, new DetectionRequest { FileName = Path.GetFileName(path), Model = model, Mode = mode, Entities = population ? new() : null, Spikes = population ? new() : null }, null, cancellationToken).ConfigureAwait(false);
        }

        var write = Stopwatch.StartNew();
        await using (var sink = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.DeleteOnClose))
        {
            await CsvReportWriter.WriteAsync(sink, result, null, cancellationToken).ConfigureAwait(false);
        }

        write.Stop();
        var n = result.Summary.Total;
        await output.WriteLineAsync($"{label}: {n:N0} records, {result.Summary.Anomalies:N0} anomalies, model {model}, mode {DetectionModes.Of(result.Mode)}").ConfigureAwait(false);
        foreach (var timing in result.Timings)
        {
            await output.WriteLineAsync(Line(ReportNames.Of(timing.Stage), timing.Elapsed, n)).ConfigureAwait(false);
        }

        await output.WriteLineAsync(Line("csv report", write.Elapsed, n)).ConfigureAwait(false);
        await output.WriteLineAsync(Line("total", total.Elapsed, n)).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6:0} MB, live after the run {GC.GetTotalMemory(forceFullCollection: false) / 1e6:0} MB")).ConfigureAwait(false);
        return result;
    }

    private static string Line(string stage, TimeSpan elapsed, int records) =>
        string.Create(CultureInfo.InvariantCulture,
            $"  {stage,-12} {elapsed.TotalSeconds,8:0.000} s  {records / Math.Max(elapsed.TotalSeconds, 1e-9),14:N0} records/s  {elapsed.TotalMilliseconds * 1000 / Math.Max(records, 1),8:0.000} µs/record");
}

using System.CommandLine;
using System.Globalization;
using AnomalyStudio.App.Cli.Quality;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Cli;

/// <summary>
/// <c>bench quality</c>: scores every shared data set and sample with each model in the chosen mode (auto by default)
/// and prints a Markdown table of ROC-AUC and average precision (where there are labels), the share flagged and the
/// high + critical count. A quality benchmark, not a timing: its floors are asserted by the quality tests.
/// </summary>
public static class QualityCommand
{
    public static Command Create(TextWriter output)
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "The shared data folder (ODDS tables, loghub logs, CSIC 2010, the real Apache log).",
            DefaultValueFactory = _ => new DirectoryInfo(Environment.GetEnvironmentVariable("ANOMALYSTUDIO_SHARED_DATA") ?? Path.Combine("..", "shared", "data")),
        };
        var samples = new Option<DirectoryInfo>("--samples") { Description = "The samples folder.", DefaultValueFactory = _ => new DirectoryInfo(Environment.GetEnvironmentVariable("ANOMALYSTUDIO_SAMPLES") ?? "samples") };
        var models = new Option<string[]>("--model", "-m")
        {
            Description = $"Models to score with (repeat the option): {DetectorCatalog.Describe(DetectorCatalog.Standard)}; every one by default.",
            DefaultValueFactory = _ => [.. DetectorCatalog.Standard.Select(r => r.Name)],
            AllowMultipleArgumentsPerToken = true,
        };
        var mode = new Option<string>("--mode") { Description = "Detection mode.", DefaultValueFactory = _ => DetectionModes.Auto };
        var only = new Option<string?>("--only") { Description = "Score only the data sets whose name contains this text." };

        var command = new Command("quality", "Print ROC-AUC, average precision, the threshold, share flagged, precision/recall/F1 at the flag against the best F1, and their medians, on every shared data set.") { data, samples, models, mode, only };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = CliHost.Build();
            var pipeline = services.GetRequiredService<DetectionPipeline>();
            var runner = new QualityRunner(pipeline);
            var detectionMode = DetectionModes.Parse(parse.GetValue(mode));
            var chosen = parse.GetValue(models)!.Select(pipeline.Catalog.Resolve).ToList();
            foreach (var (name, folder) in new[] { ("--data", parse.GetValue(data)!), ("--samples", parse.GetValue(samples)!) })
            {
                if (!folder.Exists)
                {
                    throw new DirectoryNotFoundException($"{name} {folder.FullName}: there is no such folder.");
                }
            }

            var sets = QualitySets.Find(parse.GetValue(data)!.FullName, parse.GetValue(samples)!.FullName)
                .Where(s => parse.GetValue(only) is not { } filter || s.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (sets.Count == 0)
            {
                await Console.Error.WriteLineAsync($"No data sets found under {parse.GetValue(data)!.FullName} (set --data).").ConfigureAwait(false);
                return CliApplication.BadInput;
            }

            await output.WriteLineAsync("| data set | model | mode | records | threshold | flagged % | high+critical | ROC-AUC | AP | P | R | F1 | best F1 | F1/best | seconds |").ConfigureAwait(false);
            await output.WriteLineAsync("|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|").ConfigureAwait(false);
            var rows = new List<QualityRow>();
            foreach (var set in sets)
            {
                foreach (var model in chosen)
                {
                    var row = await runner.RunAsync(set, model, detectionMode, cancellationToken).ConfigureAwait(false);
                    rows.Add(row);
                    await output.WriteLineAsync(Format(row)).ConfigureAwait(false);
                }
            }

            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync("| model | labelled sets | median ROC-AUC | median AP | median F1/best | sets with ROC-AUC ≥ 0.9 and nothing flagged |").ConfigureAwait(false);
            await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|").ConfigureAwait(false);
            foreach (var model in chosen)
            {
                var labelled = rows.Where(r => r.Model == model && r.Flag is not null).ToList();
                var silent = labelled.Count(r => r.RocAuc >= 0.9 && r.FlaggedPercent == 0);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {model} | {labelled.Count} | {Number(Median(labelled.Select(r => r.RocAuc)))} | {Number(Median(labelled.Select(r => r.AveragePrecision)))} | {Number(Median(labelled.Select(r => (double?)r.Flag!.F1Ratio)))} | {silent} |")).ConfigureAwait(false);
            }

            return CliApplication.Success;
        });
        return command;
    }

    private static string Format(QualityRow row) => row.Error is { } error
        ? $"| {row.DataSet} | {row.Model} | {row.Mode} | error: {error.Replace('|', '/')} | | | | | | | | | | | |"
        : string.Create(CultureInfo.InvariantCulture,
            $"| {row.DataSet} | {row.Model} | {row.Mode} | {row.Records:N0} | {row.ThresholdMethod} | {row.FlaggedPercent:0.0} | {row.HighOrCritical:N0} | {Number(row.RocAuc)} | {Number(row.AveragePrecision)} | {Number(row.Flag?.Precision)} | {Number(row.Flag?.Recall)} | {Number(row.Flag?.F1)} | {Number(row.Flag?.BestF1)} | {Number(row.Flag?.F1Ratio)} | {row.Elapsed.TotalSeconds:0.0} |");

    /// <summary>The median of the values present (the mean of the middle two for an even count); null when none is.</summary>
    private static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.Where(v => v is not null).Select(v => v!.Value).Order().ToList();
        return sorted.Count == 0 ? null : (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}

using System.CommandLine;
using System.Globalization;
using AnomalyStudio.App.Cli.Quality;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Cli;

/// <summary>
/// <c>bench quality</c>: scores every shared data set and sample with each model in the chosen mode (auto by default)
/// and prints the Markdown tables of <see cref="QualityTable"/>: ROC-AUC and average precision (where there are labels),
/// the share flagged, the high + critical count and the flag against the best F1, then the medians per model. A quality
/// benchmark, not a timing (the time taken goes to standard error): its floors are asserted by the quality tests.
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

            foreach (var line in QualityTable.Header)
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            var rows = new List<QualityRow>();
            foreach (var set in sets)
            {
                foreach (var model in chosen)
                {
                    var row = await runner.RunAsync(set, model, detectionMode, cancellationToken).ConfigureAwait(false);
                    rows.Add(row);
                    await output.WriteLineAsync(QualityTable.Row(row)).ConfigureAwait(false);
                }
            }

            await output.WriteLineAsync().ConfigureAwait(false);
            foreach (var line in QualityTable.MediansHeader.Concat(chosen.Select(model => QualityTable.Medians(model, rows))))
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            // Timings vary with the machine, so they stay out of the tables, which the README quotes as they are.
            var slowest = rows.MaxBy(r => r.Elapsed)!;
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{rows.Count} runs ({DetectionModes.Of(detectionMode)} mode: {string.Join(", ", rows.Select(r => r.Mode).Distinct())}) took {rows.Sum(r => r.Elapsed.TotalSeconds):0.0} s; the slowest, {slowest.DataSet} with the {slowest.Model}, {slowest.Elapsed.TotalSeconds:0.0} s.")).ConfigureAwait(false);

            return CliApplication.Success;
        });
        return command;
    }
}

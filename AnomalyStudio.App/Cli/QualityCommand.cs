using System.CommandLine;
using System.Globalization;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Quality;

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
        var samples = new Option<DirectoryInfo>("--samples") { Description = "The samples folder.", DefaultValueFactory = _ => new DirectoryInfo("samples") };
        var models = new Option<string[]>("--model", "-m")
        {
            Description = $"Models to score with (repeat the option): {DetectorCatalog.Describe(DetectorCatalog.Standard)}; every one by default.",
            DefaultValueFactory = _ => [.. DetectorCatalog.Standard.Select(r => r.Name)],
            AllowMultipleArgumentsPerToken = true,
        };
        var mode = new Option<string>("--mode") { Description = "Detection mode.", DefaultValueFactory = _ => DetectionModes.Auto };
        var only = new Option<string?>("--only") { Description = "Score only the data sets whose name contains this text." };

        var command = new Command("quality", "Print ROC-AUC, average precision, share flagged and high+critical counts on every shared data set.") { data, samples, models, mode, only };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = CliHost.Build();
            var pipeline = services.GetRequiredService<DetectionPipeline>();
            var runner = new QualityRunner(pipeline);
            var detectionMode = DetectionModes.Parse(parse.GetValue(mode));
            var chosen = parse.GetValue(models)!.Select(pipeline.Catalog.Resolve).ToList();
            var sets = QualitySets.Find(parse.GetValue(data)!.FullName, parse.GetValue(samples)!.FullName)
                .Where(s => parse.GetValue(only) is not { } filter || s.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (sets.Count == 0)
            {
                await Console.Error.WriteLineAsync($"No data sets found under {parse.GetValue(data)!.FullName} (set --data).").ConfigureAwait(false);
                return CliApplication.BadInput;
            }

            await output.WriteLineAsync("| data set | model | mode | records | flagged % | high+critical | ROC-AUC | AP | seconds |").ConfigureAwait(false);
            await output.WriteLineAsync("|---|---|---|---:|---:|---:|---:|---:|---:|").ConfigureAwait(false);
            foreach (var set in sets)
            {
                foreach (var model in chosen)
                {
                    var row = await runner.RunAsync(set, model, detectionMode, cancellationToken).ConfigureAwait(false);
                    await output.WriteLineAsync(Format(row)).ConfigureAwait(false);
                }
            }

            return CliApplication.Success;
        });
        return command;
    }

    private static string Format(QualityRow row) => row.Error is { } error
        ? $"| {row.DataSet} | {row.Model} | {row.Mode} | error: {error.Replace('|', '/')} | | | | | |"
        : string.Create(CultureInfo.InvariantCulture,
            $"| {row.DataSet} | {row.Model} | {row.Mode} | {row.Records:N0} | {row.FlaggedPercent:0.0} | {row.HighOrCritical:N0} | {Number(row.RocAuc)} | {Number(row.AveragePrecision)} | {row.Elapsed.TotalSeconds:0.0} |");

    private static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}

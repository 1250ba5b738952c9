using System.CommandLine;
using System.Globalization;
using AnomalyStudio.Core;

namespace AnomalyStudio.App.Cli;

/// <summary>
/// <c>bench parsing</c>: prints a Markdown table of the template miner's grouping accuracy against loghub's event ids
/// for every system of the shared data (see <see cref="ParsingBenchmark"/>), its speed, and Drain's reference figure.
/// A quality benchmark: its floors are asserted by the miner's tests, not here.
/// </summary>
public static class ParsingCommand
{
    public static Command Create(TextWriter output)
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "The shared data folder (its loghub/ and logs/ folders hold the systems' *_2k.log_structured.csv).",
            DefaultValueFactory = _ => new DirectoryInfo(Environment.GetEnvironmentVariable("ANOMALYSTUDIO_SHARED_DATA") ?? Path.Combine("..", "shared", "data")),
        };
        var command = new Command("parsing", "Print the template miner's grouping accuracy against loghub's templates for every shared loghub system.") { data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var systems = ParsingSystem.Find(parse.GetValue(data)!.FullName);
            if (systems.Count == 0)
            {
                throw new InvalidInputException($"No loghub structured files (*_2k.log_structured.csv) under {parse.GetValue(data)!.FullName} (set --data).");
            }

            await output.WriteLineAsync("| system | lines | loghub templates | mined templates | grouping accuracy (Content) | through the reader (raw log) | lines/s (miner, one core) | Drain (loghub benchmark) |").ConfigureAwait(false);
            await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|---:|").ConfigureAwait(false);
            var rows = new List<ParsingRow>();
            foreach (var system in systems)
            {
                var row = ParsingBenchmark.Run(system, cancellationToken: cancellationToken);
                rows.Add(row);
                await output.WriteLineAsync(Format(row)).ConfigureAwait(false);
            }

            var drain = rows.Where(r => r.DrainAccuracy is not null).ToList();
            var readers = rows.Where(r => r.ReaderAccuracy is not null).ToList();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| **average** | {rows.Sum(r => r.Lines):N0} | | | **{rows.Average(r => r.Accuracy):0.0000}** | {(readers.Count == 0 ? "–" : $"{readers.Average(r => r.ReaderAccuracy!.Value):0.0000} ({readers.Count} systems)")} | {rows.Sum(r => r.Lines) / rows.Sum(r => r.Lines / r.LinesPerSecond):N0} | {(drain.Count == 0 ? "–" : $"{drain.Average(r => r.DrainAccuracy!.Value):0.0000}")} |")).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"lowest: {rows.MinBy(r => r.Accuracy)!.System} {rows.Min(r => r.Accuracy):0.0000}; Drain's average over all 16 loghub systems is 0.865.")).ConfigureAwait(false);
            return CliApplication.Success;
        });
        return command;
    }

    private static string Format(ParsingRow row) => string.Create(CultureInfo.InvariantCulture,
        $"| {row.System} | {row.Lines:N0} | {row.TrueTemplates} | {row.MinedTemplates} | {row.Accuracy:0.0000} | {Reader(row)} | {row.LinesPerSecond:N0} | {(row.DrainAccuracy is { } d ? d.ToString("0.0000", CultureInfo.InvariantCulture) : "–")} |");

    private static string Reader(ParsingRow row) => row switch
    {
        { ReaderAccuracy: { } accuracy } => accuracy.ToString("0.0000", CultureInfo.InvariantCulture),
        { ReaderFormat: "refused" } => "refused",
        { ReaderFormat: { } format } => $"read as {format}",
        _ => "no raw log",
    };
}

using System.CommandLine;
using AnomalyStudio.Core.Samples;

namespace AnomalyStudio.App.Cli;

/// <summary><c>samples</c>: writes the deterministic sample files with their ground truth.</summary>
public static class SamplesCommand
{
    public static Command Create(TextWriter output)
    {
        // Required: a command writes into the current directory only when told to.
        var outDir = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "Directory to write the samples to (created if missing).",
            Required = true,
        };
        var lines = new Option<int>("--lines") { Description = "Lines of the access log.", DefaultValueFactory = _ => 5_000 };
        var rows = new Option<int>("--rows") { Description = "Rows of the metrics CSV.", DefaultValueFactory = _ => 5_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generators (the shipped samples use 42).", DefaultValueFactory = _ => SampleFiles.Seed };
        lines.Validators.Add(r => { if (r.GetValue(lines) is < 1 or > 100_000_000) { r.AddError("--lines must be between 1 and 100,000,000."); } });
        rows.Validators.Add(r => { if (r.GetValue(rows) is < 1 or > 100_000_000) { r.AddError("--rows must be between 1 and 100,000,000."); } });

        var command = new Command("samples", $"Write {SampleFiles.AccessLog} (with {SampleFiles.AccessLogLabels}) and {SampleFiles.Metrics} (label column) with injected anomalies.")
        {
            outDir, lines, rows, seed,
        };
        command.Subcommands.Add(Behaviours(output));
        command.SetAction(async parse =>
        {
            var written = SampleFiles.Write(parse.GetValue(outDir)!.FullName, parse.GetValue(seed), parse.GetValue(lines), parse.GetValue(rows));
            foreach (var path in written)
            {
                await output.WriteLineAsync($"wrote {path} ({new FileInfo(path).Length:N0} bytes)").ConfigureAwait(false);
            }

            return CliApplication.Success;
        });
        return command;
    }

    /// <summary><c>samples behaviours</c>: a real access log with a known scanner, brute-force client and burst added (<see cref="EntityScenarioInjector"/>).</summary>
    private static Command Behaviours(TextWriter output)
    {
        var from = new Option<FileInfo>("--from") { Description = "The access log to add them to (e.g. ../shared/data/logs/apache_access_elastic.log).", Required = true };
        var to = new Option<FileInfo>("--out", "-o") { Description = "Where to write the result.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice (the tests use 12).", DefaultValueFactory = _ => 12 };
        var command = new Command("behaviours", "Add a scanner, a brute-force client and a burst (documentation addresses) to a real access log, in time order.") { from, to, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(from)!;
            if (!source.Exists)
            {
                throw new Core.InvalidInputException($"File '{source.FullName}' does not exist.");
            }

            RefuseAllButAccessLogs(source);

            var injected = EntityScenarioInjector.Inject(await File.ReadAllLinesAsync(source.FullName, cancellationToken).ConfigureAwait(false), parse.GetValue(seed));
            var path = parse.GetValue(to)!.FullName;
            await File.WriteAllTextAsync(path, injected.Text, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"wrote {path}: {injected.Lines.Count:N0} lines, {injected.Behaviours.Count(b => b is not null):N0} of them added").ConfigureAwait(false);
            return CliApplication.Success;
        });
        return command;
    }

    /// <summary>The behaviours are access-log lines placed by the log's own times: any other input would get them appended unread.</summary>
    private static void RefuseAllButAccessLogs(FileInfo source)
    {
        using var stream = source.OpenRead();
        using var sniffed = Core.Formats.FormatDetector.Detect(stream, source.Name);
        if (sniffed.Format.Name != Core.Formats.AccessLog.AccessLogFormat.FormatName)
        {
            throw new Core.InvalidInputException(
                $"'{source.Name}' reads as {sniffed.Format.DisplayName}, not an access log: samples behaviours adds access-log lines at the log's own times, so --from takes an Apache/Nginx access log (e.g. ../shared/data/logs/apache_access_elastic.log).");
        }
    }
}

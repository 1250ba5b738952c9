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
}

using System.CommandLine;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Pipeline.Comparison;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;

namespace AnomalyStudio.App.Cli;

/// <summary>
/// <c>compare BASELINE INCIDENT</c>: what is new, gone or changed in rate in the incident file against the baseline file;
/// <c>compare FILE --baseline START..END [--incident START..END]</c>: the same between two time ranges of one file (the
/// range left out is the rest of the file).
/// </summary>
public static class CompareCommand
{
    /// <summary>What each file is run with: everything the comparison reads (patterns, field values, entities).</summary>
    public static DetectionRequest Request(string fileName, string model, Core.Formats.FormatChoice? format) =>
        new() { FileName = fileName, Model = model, Format = format, Entities = new(), Spikes = new(), Patterns = new() };

    public static Command Create(TextWriter output)
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "BASELINE INCIDENT: the file of normal times and the file of the incident; or one FILE whose --baseline and --incident ranges are compared.",
            Arity = new ArgumentArity(1, 2),
        };
        var baselineRange = new Option<string?>("--baseline") { Description = "With one file: the baseline's time range, START..END (ISO 8601, UTC unless an offset is given); without --incident the incident is the rest of the file." };
        var incidentRange = new Option<string?>("--incident") { Description = "With one file: the incident's time range, START..END; without --baseline the baseline is the rest of the file." };
        var model = CliChoices.ModelOption("Model each file is scored with");
        var format = new Option<string?>("--format", "-f") { Description = "Report format: table or json (default: from --out's extension, else table)." };
        var outPath = new Option<FileInfo?>("--out", "-o") { Description = "Write the report to this file instead of standard output." };
        var inputFormat = new Option<string?>("--input-format") { Description = "Read both files as access, line, json or csv instead of detecting their format." };
        var command = new Command("compare", "Compare an incident file with a baseline file, or two time ranges of one file: patterns and field values new, gone or changed in rate, and entities only in the incident.")
        {
            files, baselineRange, incidentRange, model, format, outPath, inputFormat,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var outFile = parse.GetValue(outPath);
            var reportFormat = ReportWriter.Choose(parse.GetValue(format), outFile?.Name);
            if (reportFormat is not (ReportFormat.Table or ReportFormat.Json))
            {
                throw new InvalidInputException("A comparison is reported as a table or JSON.");
            }

            var inputs = parse.GetValue(files)!;
            var windows = Windows(parse.GetValue(baselineRange), parse.GetValue(incidentRange), inputs.Length);
            foreach (var file in inputs.Where(f => !f.Exists))
            {
                throw new InvalidInputException($"File '{file.FullName}' does not exist.");
            }

            using var services = CliHost.Build();
            var pipeline = services.GetRequiredService<DetectionPipeline>();
            var choice = pipeline.Formats.Choose(parse.GetValue(inputFormat), null);
            var results = new List<DetectionResult>();
            foreach (var file in inputs)
            {
                await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                results.Add(await pipeline.RunAsync(stream, Request(file.Name, parse.GetValue(model)!, choice), null, cancellationToken).ConfigureAwait(false));
            }

            var comparison = windows is null ? FileComparer.Compare(results[0], results[1]) : WindowComparer.Compare(results[0], windows);
            if (reportFormat == ReportFormat.Json)
            {
                await using var destination = outFile is null ? Console.OpenStandardOutput() : outFile.Create();
                await ComparisonReportWriter.WriteJsonAsync(destination, comparison, cancellationToken).ConfigureAwait(false);
            }
            else if (outFile is null)
            {
                await ComparisonReportWriter.WriteTableAsync(output, comparison).ConfigureAwait(false);
            }
            else
            {
                await using var writer = new StreamWriter(outFile.Create());
                await ComparisonReportWriter.WriteTableAsync(writer, comparison).ConfigureAwait(false);
            }

            return CliApplication.Success;
        });
        return command;
    }

    /// <summary>The ranges asked for, checked before any file is read; null for two files.</summary>
    private static ComparisonWindows? Windows(string? baseline, string? incident, int files)
    {
        var (b, i) = (ComparisonWindows.ParseRange(baseline, "--baseline"), ComparisonWindows.ParseRange(incident, "--incident"));
        if (b is null && i is null)
        {
            return files == 2
                ? null
                : throw new InvalidInputException("Give two files (compare BASELINE INCIDENT), or one file with --baseline START..END and/or --incident START..END.");
        }

        return files == 1
            ? ComparisonWindows.Of(b, i)
            : throw new InvalidInputException("--baseline and --incident are time ranges of one file: give one file with them, or two files without them.");
    }
}

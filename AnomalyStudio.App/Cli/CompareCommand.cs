using System.CommandLine;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Pipeline.Comparison;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;

namespace AnomalyStudio.App.Cli;

/// <summary><c>compare BASELINE INCIDENT</c>: what is new, gone or changed in rate in the incident file against the baseline file.</summary>
public static class CompareCommand
{
    /// <summary>What each file is run with: everything the comparison reads (patterns, field values, entities).</summary>
    public static DetectionRequest Request(string fileName, string model, Core.Formats.FormatChoice? format) =>
        new() { FileName = fileName, Model = model, Format = format, Entities = new(), Spikes = new(), Patterns = new() };

    public static Command Create(TextWriter output)
    {
        var baseline = new Argument<FileInfo>("baseline") { Description = "The file of normal times." };
        var incident = new Argument<FileInfo>("incident") { Description = "The file of the incident, compared with the baseline." };
        var model = CliChoices.ModelOption("Model each file is scored with");
        var format = new Option<string?>("--format", "-f") { Description = "Report format: table or json (default: from --out's extension, else table)." };
        var outPath = new Option<FileInfo?>("--out", "-o") { Description = "Write the report to this file instead of standard output." };
        var inputFormat = new Option<string?>("--input-format") { Description = "Read both files as access, line, json or csv instead of detecting their format." };
        var command = new Command("compare", "Compare an incident file with a baseline file: patterns and field values new, gone or changed in rate, and entities only in the incident.")
        {
            baseline, incident, model, format, outPath, inputFormat,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var outFile = parse.GetValue(outPath);
            var reportFormat = ReportWriter.Choose(parse.GetValue(format), outFile?.Name);
            if (reportFormat is not (ReportFormat.Table or ReportFormat.Json))
            {
                throw new InvalidInputException("A comparison is reported as a table or JSON.");
            }

            var files = new[] { parse.GetValue(baseline)!, parse.GetValue(incident)! };
            foreach (var file in files.Where(f => !f.Exists))
            {
                throw new InvalidInputException($"File '{file.FullName}' does not exist.");
            }

            using var services = CliHost.Build();
            var pipeline = services.GetRequiredService<DetectionPipeline>();
            var choice = pipeline.Formats.Choose(parse.GetValue(inputFormat), null);
            var results = new List<DetectionResult>();
            foreach (var file in files)
            {
                await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                results.Add(await pipeline.RunAsync(stream, Request(file.Name, parse.GetValue(model)!, choice), null, cancellationToken).ConfigureAwait(false));
            }

            var comparison = FileComparer.Compare(results[0], results[1]);
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
}

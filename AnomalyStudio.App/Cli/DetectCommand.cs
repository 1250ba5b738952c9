using System.CommandLine;
using AnomalyStudio.Core.Feedback;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Core;

namespace AnomalyStudio.App.Cli;

/// <summary><c>detect FILE</c>: scores a file through the pipeline and writes a table, JSON, CSV or HTML report.</summary>
public static class DetectCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<FileInfo>("file") { Description = "Access log or CSV file to score." };
        var model = CliChoices.ModelOption("Model");
        var mode = new Option<string>("--mode")
        {
            Description = $"{string.Join(", ", DetectionModes.Names)}: auto (the file is its own baseline when it has enough records, else pretrained), pretrained (models trained on generated samples) or fit (train on this file).",
            DefaultValueFactory = _ => DetectionModes.Auto,
        };
        var format = new Option<string?>("--format", "-f") { Description = $"Report format: {string.Join(", ", ReportWriter.Names)} (default: from --out's extension, else table)." };
        var outPath = new Option<FileInfo?>("--out", "-o") { Description = "Write the report to this file instead of standard output." };
        var labels = new Option<FileInfo?>("--labels") { Description = "Ground truth for an access log: CSV with line,label columns (ROC-AUC and average precision are then reported)." };
        var limit = new Option<string?>("--limit") { Description = "Report only the N highest-scoring records, highest first (N = 0 or more)." };
        var entities = new Option<bool>("--entities") { Description = "Report the clients (or the identifier column's values) scored against each other instead of the records." };
        var sessions = new Option<bool>("--sessions") { Description = "With --entities, for an access log: group by IP + user agent instead of IP." };
        var entityColumn = new Option<string?>("--entity-column") { Description = "With --entities, for a table: the column to group rows by (default: the detected identifier column)." };
        var threshold = new Option<string?>("--threshold") { Description = "Flag records scoring at least this (0–1) instead of the threshold chosen from the file's own scores." };
        var top = new Option<string?>("--top") { Description = "Flag the N highest-scoring records instead (records tied with the N-th too)." };
        var inputFormat = new Option<string?>("--input-format") { Description = "Read the file as access, line, json or csv instead of detecting its format." };
        var logFormat = new Option<string?>("--log-format")
        {
            Description = "A line log's header in loghub's notation, when detection does not know it: fields in angle brackets (Date, Time, Level, Component, Pid, Thread, Host, Content), other text literal, e.g. '<Date> <Time> <Level> <Component>: <Content>'.",
        };
        var analysis = new Option<string?>("--analysis") { Description = "auto (default: a table with a time column and numeric measurements at a regular step is judged as a time series), records (every row on its own) or time-series." };
        var rules = new Option<FileInfo?>("--rules")
        {
            Description = "A JSON file of 'this is expected' rules (the dashboard's export): records they match are never flagged and their evidence is not counted.",
        };
        var spikes = new Option<bool>("--spikes") { Description = "Report the bursts in the per-minute rate and the field values that explain them instead of the records." };
        var patterns = new Option<bool>("--patterns") { Description = "Report the patterns (templates) of the records instead: count, share, first and last seen, severities, new/rare/bursting." };
        var patternField = new Option<string?>("--pattern-field") { Description = "With --patterns, for JSON lines or CSV: the text field to mine for patterns (default: the file's templates, else its message-like field)." };

        var command = new Command("detect", "Score a log, JSON-lines or CSV file and report anomalies.")
        {
            file, model, mode, format, outPath, labels, limit, threshold, top, entities, sessions, entityColumn, spikes, patterns, patternField, inputFormat, logFormat, rules, analysis,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = parse.GetValue(file)!;
            var outFile = parse.GetValue(outPath);
            // Every choice is read (and a bad one refused) before the file is: a typo costs no detection.
            var reportFormat = ReportWriter.Choose(parse.GetValue(format), outFile?.Name);
            var reportLimit = ReportLimit.Parse(parse.GetValue(limit));
            var detectionMode = DetectionModes.Parse(parse.GetValue(mode));
            var flag = FlagOverride.Parse(parse.GetValue(threshold), parse.GetValue(top));
            var analysisChoice = AnalysisChoices.Parse(parse.GetValue(analysis));
            var labelFile = parse.GetValue(labels);
            if (!input.Exists)
            {
                throw new InvalidInputException($"File '{input.FullName}' does not exist.");
            }

            if (labelFile is { Exists: false })
            {
                throw new InvalidInputException($"Labels file '{labelFile.FullName}' does not exist.");
            }

            var expected = ReadRules(parse.GetValue(rules));

            var population = PopulationReport.Request(parse.GetValue(entities), parse.GetValue(spikes), parse.GetValue(sessions), parse.GetValue(entityColumn));
            var patternOptions = PatternReport.Request(parse.GetValue(patterns), parse.GetValue(patternField), population.Entities is not null || population.Spikes is not null);
            var html = HtmlReport(reportFormat, population, patternOptions);
            using var services = CliHost.Build();
            var pipeline = services.GetRequiredService<DetectionPipeline>();
            var inputChoice = pipeline.Formats.Choose(parse.GetValue(inputFormat), parse.GetValue(logFormat));
            await using var stream = new FileStream(input.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            await using var labelStream = labelFile?.OpenRead();
            var request = new DetectionRequest
            {
                FileName = input.Name,
                Model = parse.GetValue(model)!,
                Mode = detectionMode,
                Format = inputChoice,
                Labels = labelStream,
                Flag = flag,
                Analysis = analysisChoice,
                // The HTML report holds everything, so it asks for the entities, spikes and patterns too.
                Entities = html ? new() : population.Entities,
                Spikes = html ? new() : population.Spikes,
                Patterns = html ? new() : patternOptions,
                Rules = expected,
            };
            // At a terminal, show where a long run is (a fit reports every epoch); redirected stderr stays quiet.
            var progress = Console.IsErrorRedirected ? null : new TerminalProgress(Console.Error);
            var result = await pipeline.RunAsync(stream, request, progress, cancellationToken).ConfigureAwait(false);
            progress?.Finish();
            Func<Stream> destination = () => outFile is null ? Console.OpenStandardOutput() : outFile.Create();
            if (patternOptions is not null)
            {
                await PatternReport.WriteAsync(result, reportFormat, output, destination, outFile is not null, reportLimit, cancellationToken).ConfigureAwait(false);
                return CliApplication.Success;
            }

            if (await PopulationReport.TryWriteAsync(population, result, reportFormat, output, destination, outFile is not null, reportLimit, cancellationToken).ConfigureAwait(false))
            {
                return CliApplication.Success;
            }

            if (outFile is null && reportFormat == ReportFormat.Table)
            {
                await TableReportWriter.WriteAsync(output, result, reportLimit).ConfigureAwait(false);
            }
            else
            {
                await using var file = outFile is null ? Console.OpenStandardOutput() : outFile.Create();
                await ReportWriter.WriteAsync(file, reportFormat, result, reportLimit, cancellationToken).ConfigureAwait(false);
            }

            return CliApplication.Success;
        });
        return command;
    }

    /// <summary>Whether the report is the HTML page, which already holds the entities, spikes and patterns (so asking for one of them instead is refused).</summary>
    private static bool HtmlReport(ReportFormat format, (Core.Entities.EntityOptions? Entities, Core.Spikes.SpikeOptions? Spikes) population, Core.Patterns.PatternOptions? patterns)
    {
        if (format != ReportFormat.Html)
        {
            return false;
        }

        return population.Entities is null && population.Spikes is null && patterns is null
            ? true
            : throw new InvalidInputException("The HTML report already holds the entities, spikes and patterns: drop --entities, --spikes and --patterns.");
    }

    /// <summary>The rules file, read and checked before the input is: a wrong rule costs no detection.</summary>
    private static ExpectedRules? ReadRules(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        if (!file.Exists)
        {
            throw new InvalidInputException($"Rules file '{file.FullName}' does not exist.");
        }

        using var stream = file.OpenRead();
        return ExpectedRules.Read(stream, $"rules file '{file.Name}'");
    }
}

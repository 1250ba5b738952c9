using System.CommandLine;
using System.Globalization;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.App.Cli.Nab;

/// <summary>
/// <c>bench nab</c>: runs every series of the shared NAB folder through the detection pipeline, as an upload would be,
/// and prints per series and in total the windows hit, the flags outside every window, the ROC-AUC of the scores
/// against "inside a window" and the NAB standard-profile score (<see cref="NabScorer"/>). A quality benchmark, not a timing.
/// </summary>
public static class NabCommand
{
    public static Command Create(TextWriter output)
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "The NAB folder of the shared data (series CSVs and combined_windows.json).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(Environment.GetEnvironmentVariable("ANOMALYSTUDIO_SHARED_DATA") ?? Path.Combine("..", "shared", "data"), "nab")),
        };
        var model = CliChoices.ModelOption("Model to score with");
        var mode = new Option<string>("--mode") { Description = "Detection mode.", DefaultValueFactory = _ => DetectionModes.Auto };
        mode.AcceptOnlyFromAmong([.. DetectionModes.Names]);
        var only = new Option<string?>("--only") { Description = "Score only the series whose name contains this text." };
        var analysis = new Option<string?>("--analysis") { Description = "auto (default), records (today's row-by-row scoring, the baseline) or time-series." };
        var crossValidate = new Option<bool>("--cross-validate") { Description = "Also replay the time-series flag rule over a grid of options, choosing on one folder and scoring on the others (held-out figures)." };
        var rows = new Option<int?>("--rows") { Description = "Instead, time the whole detection of a generated timestamp,value file of N rows (median of --runs)." };
        var runs = new Option<int>("--runs") { Description = "With --rows: the runs timed.", DefaultValueFactory = _ => 3 };
        var command = new Command("nab", "Print windows hit, flags outside every window, ROC-AUC and the NAB standard-profile score on every shared NAB series.") { data, model, mode, only, analysis, crossValidate, rows, runs };
        command.Aliases.Add("timeseries");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = CliHost.Build();
            var pipeline = services.GetRequiredService<DetectionPipeline>();
            var request = new NabRequest(pipeline.Catalog.Resolve(parse.GetValue(model)!), DetectionModes.Parse(parse.GetValue(mode)), AnalysisChoices.Parse(parse.GetValue(analysis)));
            if (parse.GetValue(rows) is { } count)
            {
                await SeriesTiming.RunAsync(pipeline, request, Math.Max(count, 1), Math.Max(parse.GetValue(runs), 1), output, cancellationToken).ConfigureAwait(false);
                return CliApplication.Success;
            }

            IReadOnlyList<NabSeries> corpus;
            try
            {
                corpus = NabSeries.Read(parse.GetValue(data)!.FullName);
            }
            catch (FileNotFoundException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return CliApplication.BadInput;
            }

            await output.WriteLineAsync("| series | rows | analysis | windows hit | flags | outside windows | ROC-AUC | NAB |").ConfigureAwait(false);
            await output.WriteLineAsync("|---|---:|---|---:|---:|---:|---:|---:|").ConfigureAwait(false);
            var scores = new List<NabSeriesScore>();
            var cases = new List<NabCase>();
            foreach (var series in corpus.Where(s => parse.GetValue(only) is not { } filter || s.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
            {
                var (score, auc, analysis, result) = await RunAsync(pipeline, series, request, cancellationToken).ConfigureAwait(false);
                scores.Add(score);
                if (result.TimeSeries is { } timeSeries)
                {
                    cases.Add(new NabCase(series, timeSeries));
                }

                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {series.Name} | {series.Timestamps.Length:N0} | {analysis} | {score.WindowsHit}/{score.Windows} | {score.Flags} | {score.FlagsOutside} | {Number(auc)} | {Number(score.Normalised, "0.0")} |")).ConfigureAwait(false);
            }

            var flags = scores.Sum(s => s.Flags);
            var outside = scores.Sum(s => s.FlagsOutside);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| total ({scores.Count} series) | {corpus.Sum(s => s.Timestamps.Length):N0} | {request.Model}, {DetectionModes.Of(request.Mode)}, {AnalysisChoices.Of(request.Analysis)} | {scores.Sum(s => s.WindowsHit)}/{scores.Sum(s => s.Windows)} | {flags} | {outside} ({(flags == 0 ? 0 : 100.0 * outside / flags):0}%) | | **{NabScorer.Normalised(scores):0.0}** |")).ConfigureAwait(false);
            if (parse.GetValue(crossValidate) && cases.Count > 0)
            {
                await NabCrossValidation.WriteAsync(output, cases, cases[0].Analysis.Options).ConfigureAwait(false);
            }

            return CliApplication.Success;
        });
        return command;
    }

    /// <summary>One series through the pipeline: its NAB score, the ROC-AUC of its scores against its windows, and the analysis that ran.</summary>
    public static async Task<(NabSeriesScore Score, double? RocAuc, string Analysis, DetectionResult Result)> RunAsync(
        DetectionPipeline pipeline, NabSeries series, NabRequest request, CancellationToken cancellationToken = default)
    {
        await using var input = File.OpenRead(series.Path);
        DetectionResult result;
        try
        {
            result = await pipeline.RunAsync(input, new DetectionRequest { FileName = Path.GetFileName(series.Path), Model = request.Model, Mode = request.Mode, Analysis = request.Analysis }, null, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidInputException ex)
        {
            throw new InvalidInputException($"{series.Name}: {ex.Message}");
        }

        if (result.Records.Count != series.Timestamps.Length)
        {
            throw new InvalidInputException($"{series.Name}: the pipeline scored {result.Records.Count} records of {series.Timestamps.Length} rows.");
        }

        var flags = Array.ConvertAll(result.Records.Severities, s => s != Severity.Normal);
        var score = NabScorer.Score(flags, series.Windows, NabProfile.Standard);
        return (score, Evaluation.RocAuc(result.Records.Scores, series.InsideWindow()), ReportAnalysis(result), result);
    }

    private static string ReportAnalysis(DetectionResult result) => result.TimeSeries is null ? $"{result.Format.Name} records" : "time series";

    private static string Number(double? value, string format = "0.000") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}

/// <summary>How <c>bench nab</c> runs each series: the model, the mode and the analysis.</summary>
public sealed record NabRequest(string Model, DetectionMode Mode, AnalysisChoice Analysis = AnalysisChoice.Auto);

using System.ComponentModel;
using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Api.Contracts;
using AnomalyStudio.App.Api.Uploads;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Feedback;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AnomalyStudio.App.Api;

/// <summary><c>POST /api/detect</c>: the stateless door onto the pipeline, answering with the CLI's JSON report.</summary>
public static class DetectEndpoints
{
    public static IEndpointRouteBuilder MapDetectEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var catalog = endpoints.ServiceProvider.GetRequiredService<DetectorCatalog>();
        endpoints.MapPost(ApiRoutes.Detect, DetectAsync)
            .WithName("Detect")
            .WithTags("Detection")
            .WithSummary("Score an uploaded log, JSON-lines or CSV file")
            .WithDescription(
                "Upload the file as multipart/form-data in the field 'file'. The answer is the JSON report of "
                + "'detect --format json': file, format, model, mode, summary and records (line, timestamp, identifier, "
                + "score, severity, explanation) and the threshold that flagged them (score, method, reason, flagged); threshold or top "
                + "move it as 'detect --threshold/--top' do. With view=entities the answer is the entity report of 'detect --entities --format json' "
                + "(clients or identifiers scored against each other), with view=spikes the spike report of 'detect --spikes --format json', "
                + "with view=patterns the pattern report of 'detect --patterns --format json' (patternField chooses the text field of JSON lines or CSV). "
                + "A JSON rules file in the field 'rules' marks records as expected, as 'detect --rules' does. "
                + "Bad input answers 400, an upload over AnomalyStudio:MaxUploadBytes 413, and "
                + "503 with Retry-After when every detection slot and queue place of the server is taken, all as problem "
                + "details with an 'error' member.")
            .DocumentsUploadForm<FileUploadForm>()
            .DocumentsModelParameter(catalog)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            // No cookie or other ambient credential is involved, so there is nothing for a forged request to borrow.
            .DisableAntiforgery();
        return endpoints;
    }

    public static async Task<Results<DetectionReportResult, PopulationReportResult, ProblemHttpResult>> DetectAsync(
        HttpContext context,
        [FromQuery] string? model,
        [FromQuery, Description("auto (default: the file is its own baseline when it has enough records, else the pretrained model), pretrained (models trained on generated samples) or fit (train on this file).")] string? mode,
        [FromQuery, Description("Report only the N highest-scoring records, highest first (a whole number of 0 or more).")] string? limit,
        [FromQuery, Description("records (default), entities (the clients or identifiers scored against each other, as 'detect --entities'), spikes (bursts in the rate over time, explained, as 'detect --spikes') or patterns (the records' templates, as 'detect --patterns').")] string? view,
        [FromQuery, Description("With view=entities, for an access log: true to group by IP + user agent.")] string? sessions,
        [FromQuery, Description("With view=entities, for a table: the column to group rows by (default: the detected identifier column).")] string? entityColumn,
        [FromQuery, Description("With view=patterns, for JSON lines or CSV: the text field to mine for patterns (default: the file's templates, else its message-like field).")] string? patternField,
        [FromQuery, Description("Flag records scoring at least this (0–1) instead of the threshold chosen from the file's own scores.")] string? threshold,
        [FromQuery, Description("Flag the N highest-scoring records instead (records tied with the N-th too); not with threshold.")] string? top,
        [FromQuery, Description("Read the file as access, line, json or csv instead of detecting its format.")] string? inputFormat,
        [FromQuery, Description("A line log's header in loghub's notation, when detection does not know it, e.g. '<Date> <Time> <Level> <Component>: <Content>' (fields in angle brackets, other text literal).")] string? logFormat,
        [FromQuery, Description("auto (default: a table with a time column and numeric measurements at a regular step is judged as a time series), records (every row on its own) or time-series.")] string? analysis,
        [FromServices] DetectionAdmission admission,
        [FromServices] UploadReader uploads,
        CancellationToken cancellationToken)
    {
        try
        {
            // The query is checked before the upload is read, so a typo costs no 100 MB transfer.
            // The query is read with the CLI's parsers: the same words, the same limits, the same messages.
            var detector = admission.Pipeline.Catalog.Resolve(model);
            var detectionMode = DetectionModes.Parse(mode);
            var reportLimit = ReportLimit.Parse(limit);
            var population = DetectParameters.View(view, DetectParameters.Flag("sessions", sessions), entityColumn, patternField);
            var flag = FlagOverride.Parse(threshold, top);
            var choice = admission.Pipeline.Formats.Choose(inputFormat, logFormat);
            var analysisChoice = AnalysisChoices.Parse(analysis);

            var upload = await uploads.ReadAsync(context, cancellationToken);
            if (upload.Error is { } error)
            {
                return ApiProblems.Of(upload.StatusCode, error);
            }

            // The slot is taken after the upload is read, so a slow client holds a connection, never a detection slot.
            var rules = ReadRules(upload);
            var request = new DetectionRequest
            {
                FileName = upload.FileName, Model = detector, Mode = detectionMode, Flag = flag, Format = choice, Analysis = analysisChoice, Entities = population.Entities,
                Spikes = population.Spikes, Patterns = population.Patterns?.Validate(), Rules = rules,
            };
            var admitted = await admission.RunOnceAsync(upload.File!.OpenReadStream, request, cancellationToken);
            if (admitted.Result is not { } result)
            {
                RetryAfter.Set(context, admitted.RetryAfterSeconds);
                return ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, admitted.Message!);
            }

            if (population.Entities is not null)
            {
                return PopulationReportResult.Entities(result, reportLimit, admitted);
            }

            if (population.Patterns is not null)
            {
                return PopulationReportResult.Patterns(result, null, reportLimit, admitted);
            }

            if (population.Spikes is not null)
            {
                return PopulationReportResult.Spikes(result, null, false, admitted);
            }

            // The report is written after this method returns; the admission holds the slot until its last byte is.
            return new DetectionReportResult(result, reportLimit, admitted);
        }
        catch (InvalidInputException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }
    }

    /// <summary>The form field that may carry a rules file beside the file (<c>detect --rules</c>).</summary>
    public const string RulesField = "rules";

    private static ExpectedRules? ReadRules(Upload upload)
    {
        if (upload.Form?.Files.GetFile(RulesField) is not { } file)
        {
            return null;
        }

        using var stream = file.OpenReadStream();
        return ExpectedRules.Read(stream, $"rules file '{file.FileName}'");
    }
}

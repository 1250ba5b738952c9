using System.ComponentModel;
using AnomalyStudio.App.Api.Contracts;
using AnomalyStudio.App.Api.Uploads;
using AnomalyStudio.App.State;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AnomalyStudio.App.Api;

/// <summary><c>POST /api/detect</c>: the stateless door onto the pipeline, answering with the CLI's JSON report.</summary>
public static class DetectEndpoints
{
    public static IEndpointRouteBuilder MapDetectEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ApiRoutes.Detect, DetectAsync)
            .WithName("Detect")
            .WithTags("Detection")
            .WithSummary("Score an uploaded log, JSON-lines or CSV file")
            .WithDescription(
                "Upload the file as multipart/form-data in the field 'file'. The answer is the JSON report of "
                + "'detect --format json': file, format, model, mode, summary and records (line, timestamp, identifier, "
                + "score, severity, explanation). With view=entities the answer is the entity report of 'detect --entities --format json' "
                + "(clients or identifiers scored against each other), with view=spikes the spike report of 'detect --spikes --format json'. "
                + "Bad input answers 400, an upload over AnomalyStudio:MaxUploadBytes 413, and "
                + "503 with Retry-After when every detection slot and queue place of the server is taken, all as problem "
                + "details with an 'error' member.")
            .DocumentsUploadForm<FileUploadForm>()
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
        [FromQuery, Description("isolation-forest (default; isolation_forest is accepted too) or autoencoder.")] string? model,
        [FromQuery, Description("auto (default: the file is its own baseline when it has enough records, else the pretrained model), pretrained (models trained on generated samples) or fit (train on this file).")] string? mode,
        [FromQuery, Description("Report only the N highest-scoring records, highest first.")] string? limit,
        [FromQuery, Description("records (default), entities (the clients or identifiers scored against each other, as 'detect --entities') or spikes (bursts in the rate over time, explained, as 'detect --spikes').")] string? view,
        [FromQuery, Description("With view=entities, for an access log: true to group by IP + user agent.")] bool? sessions,
        [FromQuery, Description("With view=entities, for a table: the column to group rows by (default: the detected identifier column).")] string? entityColumn,
        [FromServices] DetectionPipeline pipeline,
        [FromServices] UploadReader uploads,
        [FromServices] DetectionGate gate,
        CancellationToken cancellationToken)
    {
        try
        {
            // The query is checked before the upload is read, so a typo costs no 100 MB transfer.
            var detector = pipeline.Catalog.Resolve(string.IsNullOrWhiteSpace(model) ? DetectorNames.IsolationForest : model);
            var detectionMode = DetectParameters.Mode(mode);
            var reportLimit = DetectParameters.Limit(limit);
            var population = DetectParameters.View(view, sessions == true, entityColumn);

            var upload = await uploads.ReadAsync(context, cancellationToken);
            if (upload.Error is { } error)
            {
                return ApiProblems.Of(upload.StatusCode, error);
            }

            // The slot is taken after the upload is read, so a slow client holds a connection, never a detection slot.
            var slot = await gate.EnterAsync(null, cancellationToken);
            if (!slot.IsEntered)
            {
                RetryAfter.Set(context, slot.RetryAfterSeconds);
                return ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, slot.Message!);
            }

            try
            {
                await using var stream = upload.File!.OpenReadStream();
                var request = new DetectionRequest { FileName = upload.FileName, Model = detector, Mode = detectionMode, Entities = population.Entities, Spikes = population.Spikes };
                var result = await pipeline.RunAsync(stream, request, null, cancellationToken);
                if (population.Entities is not null)
                {
                    return PopulationReportResult.Entities(result, reportLimit, slot);
                }

                if (population.Spikes is not null)
                {
                    return PopulationReportResult.Spikes(result, null, false, slot);
                }

                // The report is written after this method returns; the result stays in memory until then, so the
                // slot goes with it and is freed once the last byte is written.
                return new DetectionReportResult(result, reportLimit, slot);
            }
            catch
            {
                slot.Dispose();
                throw;
            }
        }
        catch (InvalidInputException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }
    }
}

using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Api.Uploads;
using AnomalyStudio.App.Cli;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Pipeline.Comparison;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AnomalyStudio.App.Api;

/// <summary><c>POST /api/compare</c>: two files in one multipart form, answered with the JSON of <c>compare --format json</c>.</summary>
public static class CompareEndpoints
{
    public const string BaselineField = "baseline", IncidentField = "incident";

    public static IEndpointRouteBuilder MapCompareEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ApiRoutes.Compare, CompareAsync)
            .WithName("Compare")
            .WithTags("Detection")
            .WithSummary("Compare an incident file with a baseline file")
            .WithDescription(
                "Upload the files as multipart/form-data in the fields 'baseline' and 'incident' (together within AnomalyStudio:MaxUploadBytes). "
                + "The answer is the JSON of 'compare --format json': patterns and field values new, gone or changed in rate (counts, lift, "
                + "G-test p-value, as a spike's explanation gives them) and entities only in the incident. Each file is scored in auto mode, one after "
                + "the other in a detection slot. Bad input answers 400, too large 413, a busy server 503 with Retry-After.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            // No cookie or other ambient credential is involved, so there is nothing for a forged request to borrow.
            .DisableAntiforgery();
        return endpoints;
    }

    public static async Task<Results<PopulationReportResult, ProblemHttpResult>> CompareAsync(
        HttpContext context,
        [FromQuery] string? model,
        [FromServices] DetectionAdmission admission,
        [FromServices] UploadReader uploads,
        CancellationToken cancellationToken)
    {
        try
        {
            var detector = admission.Pipeline.Catalog.Resolve(model);
            var upload = await uploads.ReadAsync(context, cancellationToken, BaselineField);
            if (upload.Error is { } error)
            {
                return ApiProblems.Of(upload.StatusCode, error);
            }

            if (upload.Form!.Files.GetFile(IncidentField) is not { } incident)
            {
                return ApiProblems.BadRequest($"Send the incident file in a multipart form field named '{IncidentField}' beside '{BaselineField}'.");
            }

            var results = new List<DetectionResult>();
            foreach (var file in new[] { upload.File!, incident })
            {
                // One slot at a time: holding the first while asking for the second could wait on itself.
                var admitted = await admission.RunOnceAsync(file.OpenReadStream, CompareCommand.Request(Path.GetFileName(file.FileName), detector, null), cancellationToken);
                if (admitted.Result is not { } result)
                {
                    RetryAfter.Set(context, admitted.RetryAfterSeconds);
                    return ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, admitted.Message!);
                }

                admitted.Dispose();
                results.Add(result);
            }

            var comparison = FileComparer.Compare(results[0], results[1]);
            return PopulationReportResult.Comparison(comparison);
        }
        catch (InvalidInputException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }
    }
}

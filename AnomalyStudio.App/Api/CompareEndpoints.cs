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

/// <summary>
/// <c>POST /api/compare</c>: two files in one multipart form, or one file with a baseline range, an incident range or both
/// (the range left out is the rest of the file), answered with the JSON of <c>compare --format json</c>.
/// </summary>
public static class CompareEndpoints
{
    public const string BaselineField = "baseline", IncidentField = "incident";

    /// <summary>The form fields (or query parameters) that give one file's ranges, ISO 8601 times.</summary>
    public const string BaselineStart = "baselineStart", BaselineEnd = "baselineEnd", IncidentStart = "incidentStart", IncidentEnd = "incidentEnd";

    public static IEndpointRouteBuilder MapCompareEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ApiRoutes.Compare, CompareAsync)
            .WithName("Compare")
            .WithTags("Detection")
            .WithSummary("Compare an incident file with a baseline file, or two time ranges of one file")
            .WithDescription(
                "Upload the files as multipart/form-data in the fields 'baseline' and 'incident' (together within AnomalyStudio:MaxUploadBytes); "
                + "or one file in the field 'file' with the form fields (or query parameters) baselineStart and baselineEnd, incidentStart and "
                + "incidentEnd (ISO 8601 times; one range or both, the range left out is the rest of the file). "
                + "The answer is the JSON of 'compare --format json': patterns and field values new, gone or changed in rate (counts, lift, "
                + "G-test p-value, as a spike's explanation gives them) and entities only in the incident. Each file is scored in auto mode, one after "
                + "the other in a detection slot. Bad input (a missing file, a range that is not two ISO 8601 times, ranges that overlap or hold no "
                + "record) answers 400 saying what was wrong, too large 413, a busy server 503 with Retry-After.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            // No cookie or other ambient credential is involved, so there is nothing for a forged request to borrow.
            .DisableAntiforgery();
        endpoints.MapPost(ApiRoutes.SessionCompare, CompareSessionAsync)
            .WithName("CompareSessionRanges")
            .WithTags("Detection")
            .WithSummary("Compare two time ranges of the session's result")
            .WithDescription(
                "JSON body {baselineStart?, baselineEnd?, incidentStart?, incidentEnd?} (ISO 8601; one range or both, the range left out is the rest "
                + "of the file). The answer is the JSON of 'compare FILE --baseline … --incident …'. 400 says what is wrong with the body or the ranges, "
                + "404 without a result in the session.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            // Like the other session endpoints: a plain HTTP client with the SameSite=Strict cookie, no form to protect.
            .DisableAntiforgery();
        return endpoints;
    }

    /// <summary>Two ranges of the cookie session's result, compared without scoring anything again.</summary>
    public static async Task<Results<PopulationReportResult, ProblemHttpResult>> CompareSessionAsync(
        HttpContext context,
        [FromServices] Sessions.IApiSessionStore sessions,
        CancellationToken cancellationToken)
    {
        try
        {
            var windows = await RangesBody.ReadAsync(context.Request, cancellationToken);
            var loaded = await PopulationEndpoints.ResultAsync(context, sessions, cancellationToken);
            return loaded.Result is { } result
                ? PopulationReportResult.Comparison(WindowComparer.Compare(result, windows))
                : PopulationEndpoints.NoResult(context, loaded);
        }
        catch (InvalidInputException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }
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
            var upload = await uploads.ReadAsync(context, cancellationToken, BaselineField, UploadReader.FileField);
            if (upload.Error is { } error)
            {
                return ApiProblems.Of(upload.StatusCode, error);
            }

            var form = upload.Form!;
            var windows = Windows(context, form);
            IFormFile[] files;
            if (upload.File!.Name == UploadReader.FileField)
            {
                if (form.Files.GetFile(IncidentField) is not null)
                {
                    return ApiProblems.BadRequest($"Send either two files in '{BaselineField}' and '{IncidentField}', or one file in '{UploadReader.FileField}' with its ranges, not both.");
                }

                if (windows is null)
                {
                    return ApiProblems.BadRequest($"One file in '{UploadReader.FileField}' is compared by time range: send {BaselineStart} and {BaselineEnd}, {IncidentStart} and {IncidentEnd}, or both pairs (ISO 8601 times such as 2015-05-20T02:40:00Z); the range left out is the rest of the file.");
                }

                files = [upload.File];
            }
            else
            {
                if (windows is not null)
                {
                    return ApiProblems.BadRequest($"Time ranges compare two windows of one file: send the file in '{UploadReader.FileField}' with them, or two files in '{BaselineField}' and '{IncidentField}' without them.");
                }

                if (form.Files.GetFile(IncidentField) is not { } incident)
                {
                    return ApiProblems.BadRequest($"Send the incident file in a multipart form field named '{IncidentField}' beside '{BaselineField}'.");
                }

                files = [upload.File, incident];
            }

            var results = new List<DetectionResult>();
            foreach (var file in files)
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

            var comparison = windows is null ? FileComparer.Compare(results[0], results[1]) : WindowComparer.Compare(results[0], windows);
            return PopulationReportResult.Comparison(comparison);
        }
        catch (InvalidInputException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }
    }

    /// <summary>The ranges in the form (or the query), checked before anything is scored; null when none is given.</summary>
    /// <exception cref="InvalidInputException">A range is half given, not ISO 8601, backwards or overlaps the other.</exception>
    private static ComparisonWindows? Windows(HttpContext context, IFormCollection form)
    {
        string? Value(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString()
            : context.Request.Query.TryGetValue(name, out var q) ? q.ToString() : null;

        var baseline = ComparisonWindows.ParseEnds(Value(BaselineStart), Value(BaselineEnd), BaselineStart, BaselineEnd);
        var incident = ComparisonWindows.ParseEnds(Value(IncidentStart), Value(IncidentEnd), IncidentStart, IncidentEnd);
        return baseline is null && incident is null ? null : ComparisonWindows.Of(baseline, incident);
    }
}

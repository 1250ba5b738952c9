using AnomalyStudio.Core.Reporting;
using System.ComponentModel;
using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Api.Contracts;
using AnomalyStudio.App.Api.Sessions;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Spikes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AnomalyStudio.App.Api;

/// <summary>
/// Entities, spikes and patterns of the result the caller's session holds (<c>POST /detect</c> computes them):
/// <c>GET /api/session/entities</c>, <c>GET /api/session/spikes</c>, <c>GET /api/session/patterns</c>, and <c>POST /api/session/spikes</c> to explain a
/// window of one's own choosing against a baseline.
/// </summary>
public static class PopulationEndpoints
{
    private const string Tag = "Entities and spikes";

    public static IEndpointRouteBuilder MapPopulationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ApiRoutes.SessionEntities, GetEntities)
            .WithName("GetSessionEntities")
            .WithTags(Tag)
            .WithSummary("The clients or identifiers of the session's result, scored against each other")
            .WithDescription("The JSON of 'detect --entities --format json': entities highest score first, each with rank, key, score, severity, explanation, summary and its measures. 404 without a result in the session; 503 with Retry-After when this server is busy or Redis cannot be reached.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        endpoints.MapGet(ApiRoutes.SessionSpikes, GetSpikes)
            .WithName("GetSessionSpikes")
            .WithTags(Tag)
            .WithSummary("The bursts in the session's result's rate over time, each explained")
            .WithDescription("The JSON of 'detect --spikes --format json': rate series (overall and per status class or level) and spikes with the field values over-represented in them (lift, G-test p-value). 404 without a result in the session.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        endpoints.MapGet(ApiRoutes.SessionPatterns, GetPatterns)
            .WithName("GetSessionPatterns")
            .WithTags(Tag)
            .WithSummary("The patterns (templates) of the session's result")
            .WithDescription("The JSON of 'detect --patterns --format json': patterns most frequent first, each with templateId, template (parameters as <*>), count, share, firstSeen, lastSeen, severityCounts, badges (new, rare, bursting) and a sparkline. start and end (ISO 8601, both or neither) count only the records in that range. 404 without a result in the session.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        endpoints.MapPost(ApiRoutes.SessionSpikes, ExplainWindow)
            .WithName("ExplainSessionWindow")
            .WithTags(Tag)
            .WithSummary("Explain a chosen time window of the session's result against a baseline")
            .WithDescription("JSON body {start, end, baselineStart?, baselineEnd?} (ISO 8601). The answer is the spikes' JSON with a 'window' member: the values over-represented in the window against the baseline window, or against every other record when no baseline is given. 400 for a window that ends before it starts.")
            .Accepts<SpikeWindowRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            // Like the other session endpoints: a plain HTTP client with the SameSite=Strict cookie, no form to protect.
            .DisableAntiforgery();
        return endpoints;
    }

    public static async Task<Results<PopulationReportResult, ProblemHttpResult>> GetEntities(
        HttpContext context,
        [FromQuery, Description("Report only the N highest-scoring entities.")] string? limit,
        [FromServices] IApiSessionStore sessions,
        CancellationToken cancellationToken)
    {
        try
        {
            var count = ReportLimit.Parse(limit);
            var loaded = await ResultAsync(context, sessions, cancellationToken);
            if (loaded.Result is not { } result)
            {
                return NoResult(context, loaded);
            }

            return PopulationReportResult.Entities(result, count);
        }
        catch (InvalidInputException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }
    }

    public static async Task<Results<PopulationReportResult, ProblemHttpResult>> GetSpikes(
        HttpContext context,
        [FromQuery, Description("true to include every series' counts per bucket.")] string? counts,
        [FromServices] IApiSessionStore sessions,
        CancellationToken cancellationToken)
    {
        bool withCounts;
        try
        {
            withCounts = DetectParameters.Flag("counts", counts);
        }
        catch (InvalidInputException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }

        var loaded = await ResultAsync(context, sessions, cancellationToken);
        return loaded.Result is { } result ? PopulationReportResult.Spikes(result, null, withCounts) : NoResult(context, loaded);
    }

    public static async Task<Results<PopulationReportResult, ProblemHttpResult>> GetPatterns(
        HttpContext context,
        [FromQuery, Description("Report only the N most frequent patterns.")] string? limit,
        [FromQuery, Description("Count only records from this time on (ISO 8601; with end).")] DateTimeOffset? start,
        [FromQuery, Description("… and before this time (ISO 8601; with start).")] DateTimeOffset? end,
        [FromServices] IApiSessionStore sessions,
        CancellationToken cancellationToken)
    {
        try
        {
            var count = ReportLimit.Parse(limit);
            if ((start is null) != (end is null))
            {
                return ApiProblems.BadRequest("Give both start and end, or neither.");
            }

            TimeWindow? range = start is { } from && end is { } to ? new TimeWindow(from, to).Validate("range") : null;
            var loaded = await ResultAsync(context, sessions, cancellationToken);
            return loaded.Result is { } result ? PopulationReportResult.Patterns(result, range, count) : NoResult(context, loaded);
        }
        catch (InvalidInputException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }
    }

    public static async Task<Results<PopulationReportResult, ProblemHttpResult>> ExplainWindow(
        HttpContext context,
        [FromServices] IApiSessionStore sessions,
        CancellationToken cancellationToken)
    {
        // The body is read here, not bound: a body that is not JSON, or lacks its times, gets a 400 that says so.
        var (asked, problem) = await SpikeWindowBody.ReadAsync(context.Request, cancellationToken);
        if (asked is not { } window)
        {
            return ApiProblems.BadRequest(problem!);
        }

        var loaded = await ResultAsync(context, sessions, cancellationToken);
        if (loaded.Result is not { } result)
        {
            return NoResult(context, loaded);
        }

        if (result.Spikes is not { HasTime: true } spikes)
        {
            return ApiProblems.BadRequest("The session's file has no timestamps, so there is no window to explain.");
        }

        try
        {
            TimeWindow? baseline = window.BaselineStart is { } from && window.BaselineEnd is { } to ? new TimeWindow(from, to) : null;
            if (baseline is null && (window.BaselineStart is not null || window.BaselineEnd is not null))
            {
                return ApiProblems.BadRequest("Give both baselineStart and baselineEnd, or neither.");
            }

            return PopulationReportResult.Spikes(result, spikes.Explain(new TimeWindow(window.Start, window.End), baseline));
        }
        catch (InvalidInputException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }
    }

    /// <summary>The result of the caller's cookie session (shared with <c>POST /api/session/compare</c>).</summary>
    internal static async Task<ApiSessionResult> ResultAsync(HttpContext context, IApiSessionStore sessions, CancellationToken cancellationToken) =>
        await sessions.FindAsync(ApiSessionCookie.Read(context), cancellationToken) is { } session
            ? await sessions.LoadResultAsync(session, cancellationToken)
            : ApiSessionResult.None;

    /// <summary>404 without a result; 503 (with Retry-After) when this server is too busy or full to load the session's result now, 413 when it is over the session cap.</summary>
    internal static ProblemHttpResult NoResult(HttpContext context, ApiSessionResult loaded)
    {
        switch (loaded.Refusal)
        {
            case null:
                return ApiProblems.Of(StatusCodes.Status404NotFound, "The session holds no result: upload a file to POST /detect first.");
            case AdmissionRefusal.Busy or AdmissionRefusal.ServerFull:
                RetryAfter.Set(context, loaded.RetryAfterSeconds);
                return ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, loaded.Message!);
            default:
                return ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, loaded.Message!);
        }
    }
}

using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Api.Contracts;
using AnomalyStudio.App.Api.Sessions;
using AnomalyStudio.App.Api.Uploads;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AnomalyStudio.App.Api;

/// <summary>
/// The reference design's cookie-session endpoints: <c>POST /detect</c> keeps the result in the caller's
/// session, <c>GET /api/session</c> says what the session holds, <c>POST /clear-session</c> releases it.
/// </summary>
public static class SessionEndpoints
{
    private const string Tag = "Sessions (reference design)";

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // These serve plain HTTP clients holding the cookie, not forms of the dashboard, so there is no antiforgery
        // token to send; the SameSite=Strict cookie keeps other sites from making a browser use the session.
        var catalog = endpoints.ServiceProvider.GetRequiredService<DetectorCatalog>();
        endpoints.MapPost(ApiRoutes.SessionDetect, DetectIntoSessionAsync)
            .WithName("DetectIntoSession")
            .WithTags(Tag)
            .WithSummary("Score an uploaded file and keep the result in the caller's session")
            .WithDescription(
                $"Multipart form: 'file' and optionally 'model' ({ModelParameterDocumentation.Describe(catalog)}), 'inputFormat' (access, line, json or csv "
                + "instead of detection) and 'logFormat' (a line log's header in loghub's notation, e.g. '<Date> <Time> <Level> <Component>: <Content>'), scored in "
                + "auto mode. Answers {\"success\":true} and sets the HttpOnly, SameSite=Strict cookie 'anomalystudio_session', "
                + "or {\"success\":false,\"error\":\"…\"} with 400 (413 for an upload over the limit or a result over "
                + "AnomalyStudio:MaxSessionResultBytes; 503 with Retry-After when the server's detection slots and queue, or "
                + "its sessions, are all taken). A new upload replaces the session's previous result.")
            .DocumentsUploadForm<SessionUploadForm>()
            .Produces<SuccessResponse>(StatusCodes.Status413PayloadTooLarge)
            .Produces<SuccessResponse>(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();

        endpoints.MapGet(ApiRoutes.Session, GetSession)
            .WithName("GetSession")
            .WithTags(Tag)
            .WithSummary("What the caller's session holds")
            .WithDescription("session_id is the session's public handle, not the cookie's value; without a session every field is null and has_results false.");

        endpoints.MapPost(ApiRoutes.ClearSession, ClearSession)
            .WithName("ClearSession")
            .WithTags(Tag)
            .WithSummary("Release the caller's session and its result")
            .DisableAntiforgery();
        return endpoints;
    }

    public static async Task<Results<Ok<SuccessResponse>, BadRequest<SuccessResponse>, JsonHttpResult<SuccessResponse>>> DetectIntoSessionAsync(
        HttpContext context,
        [FromServices] DetectionAdmission admission,
        [FromServices] UploadReader uploads,
        [FromServices] IApiSessionStore sessions,
        CancellationToken cancellationToken)
    {
        var gate = admission.Gate;
        var upload = await uploads.ReadAsync(context, cancellationToken);
        if (upload.Error is { } error)
        {
            return upload.StatusCode == StatusCodes.Status400BadRequest
                ? TypedResults.BadRequest(SuccessResponse.Failed(error))
                : TypedResults.Json(SuccessResponse.Failed(error), statusCode: upload.StatusCode);
        }

        // A caller who would need a new session is turned away before its file is scored, not after.
        var existing = await sessions.FindAsync(ApiSessionCookie.Read(context), cancellationToken);
        if (existing is null && !await sessions.HasRoomAsync(cancellationToken))
        {
            return SessionsFull(context, sessions, gate);
        }

        AdmissionOutcome admitted;
        var requestedModel = upload.Form!["model"].ToString();
        var (inputFormat, logFormat) = (upload.Form["inputFormat"].ToString(), upload.Form["logFormat"].ToString());
        try
        {
            var format = admission.Pipeline.Formats.Choose(inputFormat, logFormat);
            admitted = await admission.RunForSessionAsync(
                upload.File!.OpenReadStream, ApiSessionRequest.For(upload.FileName, requestedModel, format), () => existing?.State?.Memory, null, null, cancellationToken);
        }
        catch (InvalidInputException ex)
        {
            // A failed upload leaves the session's previous result in place, as the reference design does.
            return TypedResults.BadRequest(SuccessResponse.Failed(ex.Message));
        }

        if (admitted is not { Result: { } result, Memory: { } memory })
        {
            // The previous result stays, as for bad input.
            if (admitted.Refusal == AdmissionRefusal.TooLarge)
            {
                return TypedResults.Json(SuccessResponse.Failed(admitted.Message!), statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            return Busy(context, admitted.Message!, admitted.RetryAfterSeconds);
        }

        // Every output spells a model one way (isolation-forest); the reference design's isolation_forest is still accepted as input.
        var state = new ApiSessionState(upload.FileName, result.Model, result, memory, requestedModel, inputFormat, logFormat);
        try
        {
            // The caller's session as it is once the detection ran: it may have gone idle (and been released) meanwhile.
            var session = await sessions.FindAsync(ApiSessionCookie.Read(context), cancellationToken);
            if (session is null || !await sessions.StoreAsync(session, state, upload.File.OpenReadStream, cancellationToken))
            {
                // No session yet, or it went idle (and was released) while this detection ran: start a fresh one.
                if ((session = await sessions.CreateAsync(cancellationToken)) is null)
                {
                    memory.Dispose();
                    return SessionsFull(context, sessions, gate);
                }

                await sessions.StoreAsync(session, state, upload.File.OpenReadStream, cancellationToken);
                ApiSessionCookie.Write(context, session);
            }
        }
        catch
        {
            memory.Dispose();
            throw;
        }

        return TypedResults.Ok(SuccessResponse.Succeeded);
    }

    private static JsonHttpResult<SuccessResponse> SessionsFull(HttpContext context, IApiSessionStore sessions, DetectionGate gate)
    {
        return Busy(context, $"The server holds the most sessions it keeps ({sessions.Capacity:N0}); try again in {gate.RetryAfterSeconds} s.", gate.RetryAfterSeconds);
    }

    private static JsonHttpResult<SuccessResponse> Busy(HttpContext context, string message, int retryAfterSeconds)
    {
        RetryAfter.Set(context, retryAfterSeconds);
        return TypedResults.Json(SuccessResponse.Failed(message), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public static async Task<Ok<SessionResponse>> GetSession(HttpContext context, [FromServices] IApiSessionStore sessions, CancellationToken cancellationToken)
    {
        var id = ApiSessionCookie.Read(context);
        if (await sessions.FindAsync(id, cancellationToken) is not { } session)
        {
            if (id is not null)
            {
                ApiSessionCookie.Delete(context); // released or unknown: the browser need not keep sending it
            }

            return TypedResults.Ok(SessionResponse.None);
        }

        var held = session.Description;
        return TypedResults.Ok(new SessionResponse(session.PublicId, held?.FileName, held?.Model, held is not null));
    }

    public static async Task<Ok<SuccessResponse>> ClearSession(HttpContext context, [FromServices] IApiSessionStore sessions, CancellationToken cancellationToken)
    {
        if (ApiSessionCookie.Read(context) is { } id)
        {
            await sessions.RemoveAsync(id, cancellationToken);
            ApiSessionCookie.Delete(context);
        }

        return TypedResults.Ok(SuccessResponse.Succeeded);
    }
}

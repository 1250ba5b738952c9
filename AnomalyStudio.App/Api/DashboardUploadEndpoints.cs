using AnomalyStudio.App.Configuration;
using AnomalyStudio.App.State;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.App.Api;

/// <summary>
/// <c>POST /dashboard/upload/{ticket}?name=FILE</c>: the dashboard's file, sent by the page's script as the raw request
/// body (a streamed POST, not a form) into the circuit session that holds the ticket (<see cref="DashboardUploads"/>).
/// The same limit as every upload: the declared length is checked before a byte is read, the server's body limit is set
/// to it, and the bytes read are counted. The detection that follows goes through the session's usual admission, in the
/// background: the answer (202) comes once the file is here, and the page shows the rest through its circuit.
/// </summary>
public static class DashboardUploadEndpoints
{
    public static IEndpointRouteBuilder MapDashboardUploads(this IEndpointRouteBuilder endpoints)
    {
        // The ticket, known only to the page that rendered it, is what authorises the request: no cookie rides on it,
        // so there is no cross-site request to forge, and an antiforgery token would add nothing.
        endpoints.MapPost(ApiRoutes.DashboardUpload, ReceiveAsync).DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> ReceiveAsync(
        string ticket, string? name, HttpContext context, DashboardUploads uploads, IOptions<AnomalyStudioOptions> options)
    {
        if (uploads.Find(ticket) is not { } session)
        {
            return Results.Text("No dashboard tab holds this upload ticket; reload the page.", statusCode: StatusCodes.Status404NotFound);
        }

        if (session.IsRunning)
        {
            return Results.Text("A detection is already running in this tab.", statusCode: StatusCodes.Status409Conflict);
        }

        var fileName = string.IsNullOrWhiteSpace(name) ? "upload" : Path.GetFileName(name.Trim());
        if (context.Request.ContentLength is not { } size)
        {
            return Results.StatusCode(StatusCodes.Status411LengthRequired);
        }

        if (size <= options.Value.MaxUploadBytes && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxUploadBytes;
        }

        // Too large, busy or cut off: the session says why on the page; the status is for the script.
        return await session.ReceiveUploadAsync(fileName, size, context.Request.Body, context.RequestAborted)
            ? Results.Accepted()
            : Results.Text(session.Error ?? "The upload was not taken.", statusCode: size > options.Value.MaxUploadBytes
                ? StatusCodes.Status413PayloadTooLarge
                : StatusCodes.Status400BadRequest);
    }
}

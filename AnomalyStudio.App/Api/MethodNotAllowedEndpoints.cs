namespace AnomalyStudio.App.Api;

/// <summary>
/// A GET or HEAD on one of the API's POST-only paths answers 405 with <c>Allow: POST</c>. Routing would say so by
/// itself, but the dashboard's GET routes include one that matches every path, so without these a GET on
/// <c>/api/detect</c> is a misleading 404.
/// </summary>
public static class MethodNotAllowedEndpoints
{
    public static IEndpointRouteBuilder MapPostOnly(this IEndpointRouteBuilder endpoints, params string[] paths)
    {
        foreach (var path in paths)
        {
            endpoints.MapMethods(path, [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
                {
                    context.Response.Headers.Allow = HttpMethods.Post;
                    return ApiProblems.Of(StatusCodes.Status405MethodNotAllowed, $"{path} accepts only POST.");
                })
                .ExcludeFromDescription();
        }

        return endpoints;
    }
}

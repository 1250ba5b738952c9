namespace AnomalyStudio.App.Api;

/// <summary>Maps the whole HTTP API onto the web app: endpoints, OpenAPI document and the API's error handling.</summary>
public static class ApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /api/detect</c>, the reference design's session endpoints, <c>GET /api/models</c>,
    /// <c>GET /healthz</c> and <c>/openapi/v1.json</c>, and adds problem-details error handling for the API's
    /// paths. Call it after the app's exception handler and status code pages (see <see cref="ApiErrorHandling"/>).
    /// </summary>
    public static WebApplication MapAnomalyStudioApi(this WebApplication app)
    {
        app.UseApiProblemDetails();
        app.MapDetectEndpoints();
        app.MapCompareEndpoints();
        app.MapSessionEndpoints();
        app.MapPopulationEndpoints();
        app.MapModelEndpoints();
        app.MapHealthEndpoints();
        app.MapPostOnly(ApiRoutes.Detect, ApiRoutes.SessionDetect, ApiRoutes.ClearSession);
        app.MapOpenApi();
        return app;
    }
}

using AnomalyStudio.App.Scaling;
using Microsoft.AspNetCore.Diagnostics;

namespace AnomalyStudio.App.Api;

/// <summary>
/// Errors on the API's paths as problem details instead of the dashboard's error and not-found pages: unhandled
/// exceptions (outside Development, where the developer page shows them) become a 500 with a generic title and no
/// stack trace, and bodiless error statuses (404, 405, …) get a problem body.
/// </summary>
public static class ApiErrorHandling
{
    public const string UnhandledTitle = "An unexpected error occurred while processing the request.";

    /// <summary>
    /// Adds the API branch. Called after the app's own exception handler and status code pages, so it sits inside
    /// them and answers first; they then see a response with a body and leave it alone.
    /// </summary>
    public static WebApplication UseApiProblemDetails(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        app.UseWhen(context => ApiRoutes.IsApiPath(context.Request.Path), api =>
        {
            if (!development)
            {
                api.UseExceptionHandler(new ExceptionHandlerOptions
                {
                    // The exception is logged by the middleware; the caller learns only that it happened, or, when the
                    // shared store is down, that it is a passing outage worth a retry.
                    ExceptionHandler = context => SharedStateOutage.IsOutage(context.Features.Get<IExceptionHandlerFeature>()?.Error)
                        ? SharedStateOutage.Answer(context)
                        : TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: UnhandledTitle).ExecuteAsync(context),
                });
            }

            api.UseStatusCodePages(context =>
                TypedResults.Problem(statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
        });
        return app;
    }
}

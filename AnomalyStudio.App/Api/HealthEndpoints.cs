using AnomalyStudio.App.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AnomalyStudio.App.Api;

/// <summary><c>GET /healthz</c>: answers while the app serves requests (for load balancers and the set-up script).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ApiRoutes.Health, () => TypedResults.Ok(HealthResponse.Ok))
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Whether the app is up");
        return endpoints;
    }
}

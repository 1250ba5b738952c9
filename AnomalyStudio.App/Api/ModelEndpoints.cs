using AnomalyStudio.App.Api.Contracts;
using AnomalyStudio.Core.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AnomalyStudio.App.Api;

/// <summary><c>GET /api/models</c>: the detectors, whether they can run here, their thresholds and pretrained models.</summary>
public static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ApiRoutes.Models, ListModels)
            .WithName("ListModels")
            .WithTags("Models")
            .WithSummary("List the detectors with their availability, severity thresholds and pretrained models");
        return endpoints;
    }

    public static Ok<List<ModelResponse>> ListModels([FromServices] ModelStore store) =>
        TypedResults.Ok(store.List().Select(ModelResponse.From).ToList());
}

using AnomalyStudio.Core.Detection;
using Microsoft.OpenApi;

namespace AnomalyStudio.App.Api;

/// <summary>
/// The OpenAPI description of an endpoint's <c>model</c> choice, written from the app's detector catalog rather than by
/// hand, so a detector registered there is documented (and accepted, by the catalog) without touching the endpoints.
/// </summary>
public static class ModelParameterDocumentation
{
    /// <summary>"isolation-forest (the default) or autoencoder; also accepted: …".</summary>
    public static string Describe(DetectorCatalog catalog) =>
        $"{catalog.Choices}, {DetectorNames.Default} by default; also accepted: {string.Join(", ", catalog.Registrations.SelectMany(r => r.Aliases.Prepend(r.Name.Replace('-', '_'))).Distinct())}.";

    /// <summary>Describes the query parameter called <c>model</c> from the catalog.</summary>
    public static RouteHandlerBuilder DocumentsModelParameter(this RouteHandlerBuilder builder, DetectorCatalog catalog) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                if (parameter is OpenApiParameter { Name: "model" } model)
                {
                    model.Description = Describe(catalog);
                }
            }

            return Task.CompletedTask;
        });
}

using Microsoft.OpenApi;

namespace AnomalyStudio.App.Api;

/// <summary>
/// Describes an upload endpoint's multipart form in the OpenAPI document without <c>Accepts</c> metadata: that
/// metadata also makes routing answer any other content type with a bare 415 before the handler runs, while the
/// API answers it with a 400 problem that says what to send.
/// </summary>
public static class UploadFormDocumentation
{
    public const string MultipartFormData = "multipart/form-data";

    public static RouteHandlerBuilder DocumentsUploadForm<TForm>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(TForm), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { [MultipartFormData] = new() { Schema = schema } },
            };
        });
}

using System.Reflection;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;
using Microsoft.AspNetCore.Http.Metadata;

namespace AnomalyStudio.App.Api;

/// <summary>
/// A typed result that streams a detection as the JSON report of <c>detect --format json</c>
/// (<see cref="JsonReportWriter"/>), so the API and the CLI give byte-for-byte the same contract and a large
/// result is never built as one string. When given a detection slot it frees it once the report is written,
/// since until then the result is held in memory as much as while it was computed.
/// </summary>
public sealed class DetectionReportResult(DetectionResult result, int? limit, IDisposable? slot = null) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public DetectionResult Result => result;

    /// <summary>Report only this many of the highest scores, highest first; null for every record in file order.</summary>
    public int? Limit => limit;

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => JsonContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using (slot)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = JsonContentType;
            await JsonReportWriter.WriteAsync(httpContext.Response.Body, result, limit, httpContext.RequestAborted);
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(object), ["application/json"]));
}

using System.Reflection;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;
using AnomalyStudio.Core.Spikes;
using Microsoft.AspNetCore.Http.Metadata;

namespace AnomalyStudio.App.Api;

/// <summary>
/// A typed result that streams a detection's entities (<see cref="EntityReportWriter"/>), spikes
/// (<see cref="SpikeReportWriter"/>) or patterns (<see cref="PatternReportWriter"/>) as the JSON of <c>detect --entities/--spikes --format json</c>. Like
/// <see cref="DetectionReportResult"/> it frees the detection slot it is given once the report is written.
/// </summary>
public sealed class PopulationReportResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    private readonly Func<Stream, CancellationToken, Task> _write;
    private readonly IDisposable? _slot;

    private PopulationReportResult(Func<Stream, CancellationToken, Task> write, IDisposable? slot)
    {
        _write = write;
        _slot = slot;
    }

    public static PopulationReportResult Entities(DetectionResult result, int? limit, IDisposable? slot = null) =>
        new((stream, token) => EntityReportWriter.WriteJsonAsync(stream, result, limit, token), slot);

    public static PopulationReportResult Spikes(DetectionResult result, SpikeExplanation? window = null, bool counts = false, IDisposable? slot = null) =>
        new((stream, token) => SpikeReportWriter.WriteJsonAsync(stream, result.FileName, result.Spikes, window, counts, token), slot);

    public static PopulationReportResult Patterns(DetectionResult result, Core.Spikes.TimeWindow? range = null, int? limit = null, IDisposable? slot = null) =>
        new((stream, token) => PatternReportWriter.WriteJsonAsync(stream, result.FileName, result.PatternSummary(range), limit, token), slot);

    public static PopulationReportResult Comparison(Core.Pipeline.Comparison.ComparisonResult comparison) =>
        new((stream, token) => ComparisonReportWriter.WriteJsonAsync(stream, comparison, token), null);

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => DetectionReportResult.JsonContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using (_slot)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = ContentType;
            await _write(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(object), ["application/json"]));
}

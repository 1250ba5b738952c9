using AnomalyStudio.App.Api.Uploads;
using AnomalyStudio.App.Configuration;
using AnomalyStudio.App.Security;
using AnomalyStudio.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>The upload limit where the test server cannot show it: the server's own body limit and how much of a body is read.</summary>
public sealed class UploadReaderTests
{
    private const long OneMegabyte = 1024 * 1024;

    // As the app does before its first request: ASP.NET picks the directory it buffers form files to once per process,
    // and these tests buffer forms outside any host, so the first of them to run would otherwise fix it at /tmp.
    public UploadReaderTests() => PrivateTempDirectory.Use();

    [Fact]
    public async Task Raises_the_servers_body_limit_above_kestrels_30_MB_default_to_the_configured_maximum()
    {
        var reader = Reader(100 * OneMegabyte);
        var (context, _) = await RequestAsync(ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")), declareLength: true);
        var serverLimit = new ServerBodyLimit { MaxRequestBodySize = 30_000_000 };
        context.Features.Set<IHttpMaxRequestBodySizeFeature>(serverLimit);

        var upload = await reader.ReadAsync(context, CancellationToken.None);

        Assert.Null(upload.Error);
        Assert.Equal("sample_metrics.csv", upload.FileName);
        Assert.Equal(new FileInfo(TestData.Samples("sample_metrics.csv")).Length, upload.File!.Length);
        Assert.Equal(100 * OneMegabyte + UploadReader.EnvelopeBytes, serverLimit.MaxRequestBodySize);
    }

    [Fact]
    public async Task Refuses_a_declared_length_over_the_limit_before_reading_a_byte()
    {
        var (context, body) = await RequestAsync(ApiRequests.Upload(new byte[2 * OneMegabyte], "big.log"), declareLength: true);

        var upload = await Reader(OneMegabyte).ReadAsync(context, CancellationToken.None);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, upload.StatusCode);
        Assert.Equal(0, body.Position);
    }

    [Fact]
    public async Task Stops_reading_an_undeclared_body_soon_after_the_limit()
    {
        var (context, body) = await RequestAsync(ApiRequests.Upload(new byte[8 * OneMegabyte], "big.log"), declareLength: false);

        var upload = await Reader(OneMegabyte).ReadAsync(context, CancellationToken.None);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, upload.StatusCode);
        Assert.InRange(body.Position, OneMegabyte, 2 * OneMegabyte); // not the whole 8 MB buffered to disk first
    }

    private static UploadReader Reader(long maxUploadBytes) =>
        new(Options.Create(new AnomalyStudioOptions { MaxUploadBytes = maxUploadBytes }));

    private static async Task<(HttpContext Context, MemoryStream Body)> RequestAsync(HttpContent content, bool declareLength)
    {
        var body = new MemoryStream();
        await content.CopyToAsync(body);
        body.Position = 0;
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = content.Headers.ContentType!.ToString();
        context.Request.ContentLength = declareLength ? body.Length : null;
        context.Request.Body = body;
        return (context, body);
    }

    /// <summary>What Kestrel offers a request: a body limit the app may change before reading.</summary>
    private sealed class ServerBodyLimit : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; }
    }
}

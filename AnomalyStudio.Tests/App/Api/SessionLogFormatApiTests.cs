using System.Net;
using System.Text;
using System.Text.Json;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>The cookie session's upload (<c>POST /detect</c>) takes the same explicit formats as <c>/api/detect</c>, as form fields.</summary>
public sealed class SessionLogFormatApiTests(SessionApiFactory factory) : IClassFixture<SessionApiFactory>
{
    [Fact]
    public async Task A_log_format_field_reads_a_header_detection_does_not_know()
    {
        using var client = factory.CreateClient();
        var upload = Encoding.UTF8.GetBytes(CustomHeaderLog.Text);

        using var refused = await client.PostAsync("/detect", ApiRequests.Upload(upload, "payments.log"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using var bad = await client.PostAsync("/detect", ApiRequests.Upload(upload, "payments.log", ("logFormat", "<Date> <Time>")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("has no <Content> field", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var read = await client.PostAsync("/detect", ApiRequests.Upload(upload, "payments.log", ("logFormat", CustomHeaderLog.Format)));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var session = JsonDocument.Parse(await client.GetStringAsync("/api/session"));
        Assert.True(session.RootElement.GetProperty("has_results").GetBoolean());
        Assert.Equal("payments.log", session.RootElement.GetProperty("current_file").GetString());
    }
}

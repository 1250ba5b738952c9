using System.Net;
using System.Text;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Api;

/// <summary><c>POST /api/detect?logFormat=…&amp;inputFormat=…</c>: the CLI's explicit formats at the API.</summary>
public sealed class LogFormatApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_log_format_reads_a_header_detection_does_not_know()
    {
        using var client = factory.CreateClient();
        var upload = Encoding.UTF8.GetBytes(CustomHeaderLog.Text);

        using var refused = await client.PostAsync("/api/detect", ApiRequests.Upload(upload, "payments.log"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using var response = await client.PostAsync($"/api/detect?logFormat={Uri.EscapeDataString(CustomHeaderLog.Format)}", ApiRequests.Upload(upload, "payments.log"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ApiRequests.JsonAsync(response);
        Assert.Equal("line-log", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(CustomHeaderLog.Lines, json.RootElement.GetProperty("summary").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_input_format_overrides_detection()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/detect?inputFormat=csv", ApiRequests.UploadFile(TestData.Shared("loghub", "HealthApp_2k.log")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ApiRequests.JsonAsync(response);
        Assert.Equal("csv", json.RootElement.GetProperty("format").GetString());
    }

    [Theory]
    [InlineData("logFormat=%3CDate%3E", "has no <Content> field")]
    [InlineData("inputFormat=xml", "Unknown input format 'xml'")]
    [InlineData("inputFormat=csv&logFormat=%3CContent%3E", "does not go with the input format 'csv'")]
    public async Task A_bad_format_answers_400_naming_the_problem(string query, string problem)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/detect?" + query, ApiRequests.UploadFile(TestData.Shared("loghub", "Spark_2k.log")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

using System.Net;
using AnomalyStudio.App.Api;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>Errors outside Development: problem details on the API's paths, with nothing of the exception in them.</summary>
public sealed class ApiErrorTests(FailingDetectorApiFactory factory) : IClassFixture<FailingDetectorApiFactory>
{
    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_without_the_exception()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/detect?mode=fit", ApiRequests.UploadFile(TestData.Samples("sample_metrics.csv")));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(FailingDetector.Secret, body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
        using var json = await ApiRequests.JsonAsync(response);
        Assert.Equal(ApiErrorHandling.UnhandledTitle, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(ApiErrorHandling.UnhandledTitle, json.RootElement.GetProperty("error").GetString());
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem_not_the_dashboard_page()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = await ApiRequests.JsonAsync(response);
        Assert.Equal("Not Found", json.RootElement.GetProperty("error").GetString());
    }
}

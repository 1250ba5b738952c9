using System.Net;
using AnomalyStudio.App.State;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>Outside Development a page request that fails shows the error page with a request id, never the exception.</summary>
public sealed class PageErrorTests(PageErrorTests.ThrowingFactory factory) : IClassFixture<PageErrorTests.ThrowingFactory>
{
    [Fact]
    public async Task A_failing_page_request_shows_a_request_id_and_nothing_of_the_exception()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(ThrowingFactory.Path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong on our side", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"request-id\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FailingDetector.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Content-Security-Policy")); // the error page is protected like any other
    }

    /// <summary>The app with a dashboard session that cannot be created, as a bug in the page's service would fail.</summary>
    public sealed class ThrowingFactory : ApiFactory
    {
        public const string Path = "/";

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddScoped<AnalysisSession>(_ => throw new InvalidOperationException(FailingDetector.Secret));
    }
}

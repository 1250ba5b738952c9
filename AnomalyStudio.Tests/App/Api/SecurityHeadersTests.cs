using System.Net;
using System.Text.RegularExpressions;
using AnomalyStudio.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>Browser security headers on every answer, the page's one inline script allowed by nonce, and antiforgery on form posts.</summary>
public sealed partial class SecurityHeadersTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/health")]
    [InlineData("/api/models")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        var scripts = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Matches("^script-src 'self' 'nonce-[A-Za-z0-9_-]{22}'$", scripts);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_import_map_carries_the_nonce_of_its_own_response_and_every_response_gets_a_new_one()
    {
        using var client = factory.CreateClient();
        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync("/");
            var policyNonce = PolicyNonce().Match(response.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value;
            var html = await response.Content.ReadAsStringAsync();

            var scripts = InlineScripts().Matches(html);
            var importMap = Assert.Single(scripts, s => s.Value.Contains("importmap", StringComparison.Ordinal));
            Assert.Contains($"nonce=\"{policyNonce}\"", importMap.Value, StringComparison.Ordinal);
            nonces.Add(policyNonce);
        }

        Assert.NotEqual(nonces[0], nonces[1]);
    }

    [Fact]
    public async Task A_form_post_to_a_page_without_an_antiforgery_token_is_refused()
    {
        var logs = new CapturingLoggerProvider();
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
            logging.AddProvider(logs).AddFilter<CapturingLoggerProvider>("Microsoft.AspNetCore", LogLevel.Debug)));
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/", new FormUrlEncodedContent([new("_handler", "upload"), new("model", "autoencoder")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(logs.Messages, m => m.Contains("antiforgery", StringComparison.OrdinalIgnoreCase) && m.Contains("failed", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex PolicyNonce();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScripts();
}

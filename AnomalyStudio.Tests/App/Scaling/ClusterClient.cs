using System.Net;
using System.Text.Json;
using AnomalyStudio.App.Scaling;
using AnomalyStudio.Tests.App.Api;

namespace AnomalyStudio.Tests.App.Scaling;

/// <summary>
/// One caller of a cluster: an HTTP client with its own cookies, as a browser or script would be. Cookies are kept per
/// host, not per port, so the same caller can talk to server a, server b and the proxy with one session.
/// </summary>
public sealed class ClusterClient : IDisposable
{
    private readonly HttpClient _http;

    public ClusterClient()
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true }) { Timeout = TimeSpan.FromMinutes(2) };
    }

    public CookieContainer Cookies { get; }

    /// <summary>Which server answered <c>GET /healthz</c> at <paramref name="address"/>.</summary>
    public async Task<string> ServedByAsync(Uri address)
    {
        using var response = await _http.GetAsync(new Uri(address, "/healthz"));
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues(ServerInstance.Header).Single();
    }

    /// <summary><c>POST /detect</c> of a file into the caller's session; the answer's status and body.</summary>
    /// <param name="content">The file's bytes as something other than a plain upload (one that says when it is sent).</param>
    public async Task<(HttpStatusCode Status, string Body)> DetectIntoSessionAsync(Uri server, string path, HttpContent? content = null)
    {
        using var form = content is null ? ApiRequests.UploadFile(path) : new MultipartFormDataContent { { content, "file", Path.GetFileName(path) } };
        using var response = await _http.PostAsync(new Uri(server, "/detect"), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary><c>POST /api/detect</c> (stateless): the JSON report.</summary>
    public async Task<string> DetectAsync(Uri server, string path, string query)
    {
        using var form = ApiRequests.UploadFile(path);
        using var response = await _http.PostAsync(new Uri(server, "/api/detect?" + query), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        return body;
    }

    /// <summary><c>GET /api/session</c>: the session's public id, file name and whether it holds results.</summary>
    public async Task<(string? Id, string? File, bool HasResults)> SessionAsync(Uri server)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri(server, "/api/session")));
        var root = document.RootElement;
        return (root.GetProperty("session_id").GetString(), root.GetProperty("current_file").GetString(), root.GetProperty("has_results").GetBoolean());
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(Uri server, string path)
    {
        using var response = await _http.GetAsync(new Uri(server, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A GET with the server that answered (its <c>X-AnomalyStudio-Instance</c>, null when missing) and how long the answer took.</summary>
    public async Task<(HttpStatusCode Status, string? Instance, TimeSpan Elapsed)> TimedGetAsync(Uri server, string path)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await _http.GetAsync(new Uri(server, path));
        await response.Content.ReadAsStringAsync();
        var instance = response.Headers.TryGetValues(ServerInstance.Header, out var values) ? values.Single() : null;
        return (response.StatusCode, instance, clock.Elapsed);
    }

    public async Task ClearAsync(Uri server)
    {
        using var response = await _http.PostAsync(new Uri(server, "/clear-session"), null);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}

using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Api;
using AnomalyStudio.App.Components;
using AnomalyStudio.App.Configuration;
using AnomalyStudio.App.Scaling;
using AnomalyStudio.App.Security;

namespace AnomalyStudio.App;

/// <summary>Builds the web host: the dashboard and the HTTP API over the shared Core pipeline.</summary>
public static class WebApp
{
    /// <summary>Where the app listens when nothing says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5000";

    /// <summary>
    /// Whether the operator chose where to listen, in any of ASP.NET Core's standard ways: <c>--urls</c>, <c>ASPNETCORE_URLS</c>
    /// or <c>DOTNET_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c> (which container images set), or Kestrel
    /// endpoints in configuration. The default is applied only without them: a <c>Urls</c> key in appsettings.json would
    /// override the environment variables, and a second instance could not be given another port.
    /// </summary>
    public static bool HasListenAddress(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        PrivateTempDirectory.Use();
        var builder = WebApplication.CreateBuilder(args);
        // Settings are checked like input before anything reads them: a wrong one ends the start with one line (Program).
        ServiceCollectionExtensions.ThrowIfInvalid(builder.Configuration);
        if (!HasListenAddress(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Serve the framework's, MudBlazor's and Plotly's assets from the build output in every environment, so
        // ./run.sh and the browser tests can start the built app directly (publishing copies the 1 GB of libtorch again).
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddAnomalyStudioOptions(builder.Configuration);
        builder.Services.AddAnomalyStudioCore();
        builder.Services.AddAnomalyStudioAdmission();
        builder.Services.AddAnomalyStudioApp();
        builder.Services.AddAnomalyStudioApi();
        builder.Services.AddSharedState(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseProxyHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseMiddleware<BrowserSecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapAnomalyStudioApi();
        app.MapDashboardUploads();
        // Our own Content-Security-Policy forbids framing outright; Blazor's second policy header (frame-ancestors 'self') would only repeat it weaker.
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}

using AnomalyStudio.App.Components;
using AnomalyStudio.App.Configuration;

namespace AnomalyStudio.App;

/// <summary>Builds the web host: the dashboard and (later) the HTTP API over the shared Core pipeline.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAnomalyStudioCore(builder.Configuration);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        configure?.Invoke(builder);

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }
}

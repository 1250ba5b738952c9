using System.Net;
using AnomalyStudio.App.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.App.Scaling;

/// <summary>
/// Behind a proxy: the client's address and scheme from <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, believed
/// only from loopback and <see cref="AnomalyStudioOptions.KnownProxies"/> (so the session cookie is <c>Secure</c> when the
/// proxy terminates HTTPS), and, when <see cref="AnomalyStudioOptions.InstanceName"/> is set, the serving server's name
/// on every response, for operators and the scale test.
/// </summary>
public static class ProxyHeaders
{
    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<AnomalyStudioOptions>>().Value;
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in settings.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        app.UseForwardedHeaders(forwarded);
        if (!string.IsNullOrWhiteSpace(settings.InstanceName))
        {
            var name = app.Services.GetRequiredService<ServerInstance>().Name;
            app.Use((context, next) =>
            {
                context.Response.Headers[ServerInstance.Header] = name;
                return next(context);
            });
        }

        return app;
    }
}

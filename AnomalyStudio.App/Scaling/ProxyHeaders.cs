using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using AnomalyStudio.App.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.App.Scaling;

/// <summary>
/// Behind a proxy: the client's address and scheme from <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, believed
/// only from loopback and <see cref="AnomalyStudioOptions.KnownProxies"/> (so the session cookie is <c>Secure</c> when the
/// proxy terminates HTTPS), and, when <see cref="AnomalyStudioOptions.InstanceName"/> is set, the serving server's name
/// on every response, for operators and the scale test; with <see cref="AnomalyStudioOptions.AffinityCookie"/>, the cookie
/// a hashing proxy keeps each browser on one server by.
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
                // Set as the response starts, not now: an exception handler clears the headers before it writes its
                // answer (the 503 of a Redis outage), and every response must still name its server.
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[ServerInstance.Header] = name;
                    return Task.CompletedTask;
                });
                return next(context);
            });
        }

        if (!string.IsNullOrWhiteSpace(settings.AffinityCookie))
        {
            var cookie = settings.AffinityCookie.Trim();
            app.Use((context, next) =>
            {
                if (!context.Request.Cookies.ContainsKey(cookie))
                {
                    // Lax, not Strict: a link from another site must still send it, or the proxy would pick another server.
                    context.Response.Cookies.Append(cookie, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)), new CookieOptions
                    {
                        HttpOnly = true,
                        SameSite = SameSiteMode.Lax,
                        Secure = context.Request.IsHttps,
                        Path = "/",
                        IsEssential = true,
                        MaxAge = TimeSpan.FromDays(30),
                    });
                }

                return next(context);
            });
        }

        return app;
    }
}

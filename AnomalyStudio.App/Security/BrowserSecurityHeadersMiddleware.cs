using System.Security.Cryptography;

namespace AnomalyStudio.App.Security;

/// <summary>
/// Adds the browser security headers ASP.NET Core does not set itself, on every response (pages, assets, API):
/// a Content-Security-Policy that lets the page run only the app's own scripts and connect only to its own
/// origin and forbids framing (clickjacking) and plugins; <c>X-Content-Type-Options: nosniff</c>, so nothing served
/// is sniffed into HTML or script; and a referrer policy that keeps paths on this origin.
/// </summary>
/// <remarks>
/// Styles may be inline because MudBlazor and Plotly set <c>style</c> attributes at run time; that admits CSS, not
/// script. The one inline script, Blazor's import map, carries a fresh nonce per response (<see cref="ScriptNonce"/>)
/// rather than opening the policy with <c>'unsafe-inline'</c>. In Development <c>default-src</c> is left out so the
/// browser-refresh tooling keeps working, as the Aspire dashboard does.
/// </remarks>
public sealed class BrowserSecurityHeadersMiddleware(RequestDelegate next, IHostEnvironment environment)
{
    private readonly bool _development = environment.IsDevelopment();

    public Task InvokeAsync(HttpContext context)
    {
        // base64url: nothing in it that HTML would encode, so the attribute matches the policy character for character.
        var nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        ScriptNonce.Set(context, nonce);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy(_development, nonce);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY"; // for browsers that predate frame-ancestors
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        return next(context);
    }

    /// <summary>The Content-Security-Policy value for a response whose inline scripts carry <paramref name="nonce"/>.</summary>
    public static string Policy(bool development, string nonce)
    {
        var policy = "base-uri 'self'; object-src 'none'; frame-ancestors 'none'; frame-src 'none'; form-action 'self'; "
            + $"script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:";
        return development ? policy : policy + "; default-src 'self'";
    }
}

using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace AnomalyStudio.App.Api;

/// <summary>The <c>Retry-After</c> header of a "busy" (503) answer, in whole seconds as RFC 9110 allows.</summary>
public static class RetryAfter
{
    public static void Set(HttpContext context, int seconds) =>
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
}

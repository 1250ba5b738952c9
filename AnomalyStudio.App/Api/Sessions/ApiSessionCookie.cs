namespace AnomalyStudio.App.Api.Sessions;

/// <summary>
/// The session cookie: HttpOnly (page scripts cannot read it), SameSite=Strict (other sites cannot make the
/// browser send it, which is why the session endpoints need no antiforgery token) and Secure over HTTPS.
/// </summary>
public static class ApiSessionCookie
{
    public const string Name = "anomalystudio_session";

    public static string? Read(HttpContext context) => context.Request.Cookies[Name];

    public static void Write(HttpContext context, ApiSession session) =>
        context.Response.Cookies.Append(Name, session.Id, Options(context));

    public static void Delete(HttpContext context) => context.Response.Cookies.Delete(Name, Options(context));

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}

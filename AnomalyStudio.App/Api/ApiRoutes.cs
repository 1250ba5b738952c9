namespace AnomalyStudio.App.Api;

/// <summary>The API's paths, and which requests get the API's JSON error handling instead of the dashboard's pages.</summary>
public static class ApiRoutes
{
    public const string Detect = "/api/detect";
    public const string Compare = "/api/compare";
    public const string Models = "/api/models";
    public const string Session = "/api/session";
    public const string SessionEntities = "/api/session/entities";
    public const string SessionSpikes = "/api/session/spikes";
    public const string SessionPatterns = "/api/session/patterns";
    public const string SessionCompare = "/api/session/compare";
    public const string SessionDetect = "/detect";
    public const string ClearSession = "/clear-session";
    public const string Health = "/healthz";
    public const string OpenApi = "/openapi";

    /// <summary>Where the dashboard's script posts a file for its circuit (not part of the public API).</summary>
    public const string DashboardUpload = "/dashboard/upload/{ticket}";

    private static readonly PathString[] Prefixes = ["/api", SessionDetect, ClearSession, Health, OpenApi];

    /// <summary>True for the API's own paths (and unknown paths under <c>/api</c>), which answer errors as problem details.</summary>
    public static bool IsApiPath(PathString path) => Prefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}

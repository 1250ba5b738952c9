namespace AnomalyStudio.App.Api.Contracts;

/// <summary><c>GET /healthz</c>: <c>{"status":"ok"}</c> while the app serves requests.</summary>
public sealed record HealthResponse(string Status)
{
    public static HealthResponse Ok { get; } = new("ok");
}

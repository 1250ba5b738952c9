using System.Text.Json.Serialization;

namespace AnomalyStudio.App.Api.Contracts;

/// <summary>
/// <c>GET /api/session</c> in the reference design's snake_case shape. <c>session_id</c> is the session's public
/// handle (not the cookie's secret); all fields but <c>has_results</c> are null without a session.
/// </summary>
public sealed record SessionResponse(
    [property: JsonPropertyName("session_id")] string? SessionId,
    [property: JsonPropertyName("current_file")] string? CurrentFile,
    [property: JsonPropertyName("current_model")] string? CurrentModel,
    [property: JsonPropertyName("has_results")] bool HasResults)
{
    public static SessionResponse None { get; } = new(null, null, null, false);
}

using System.Text.Json.Serialization;

namespace AnomalyStudio.App.Api.Contracts;

/// <summary>The reference design's answer to <c>POST /detect</c> and <c>POST /clear-session</c>: <c>{"success":true}</c> or <c>{"success":false,"error":"…"}</c>.</summary>
public sealed record SuccessResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null)
{
    public static SuccessResponse Succeeded { get; } = new(true);

    public static SuccessResponse Failed(string error) => new(false, error);
}

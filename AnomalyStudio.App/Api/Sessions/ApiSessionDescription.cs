namespace AnomalyStudio.App.Api.Sessions;

/// <summary>What a session holds, as its store records it: enough to answer <c>GET /api/session</c> without the result.</summary>
/// <param name="FileName">The uploaded file's display name.</param>
/// <param name="Model">The model in the reference design's spelling.</param>
/// <param name="Version">Counts the session's uploads: a server holding an older version's result must load the new one.</param>
public sealed record ApiSessionDescription(string FileName, string Model, long Version);

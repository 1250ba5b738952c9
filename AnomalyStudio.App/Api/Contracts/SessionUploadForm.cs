namespace AnomalyStudio.App.Api.Contracts;

/// <summary>
/// The multipart form of the reference design's <c>POST /detect</c>, as the OpenAPI document describes it (the
/// endpoint reads the form itself, to apply the upload limit before anything is buffered).
/// </summary>
/// <param name="File">The log (access, error, syslog, application), JSON-lines or CSV file.</param>
/// <param name="Model">A detector's name or alias (<c>GET /api/models</c> lists them); the default model when empty.</param>
/// <param name="InputFormat">access, line, json or csv to read the file as, instead of detecting its format.</param>
/// <param name="LogFormat">A line log's header in loghub's notation, e.g. <c>&lt;Date&gt; &lt;Time&gt; &lt;Level&gt; &lt;Component&gt;: &lt;Content&gt;</c>.</param>
public sealed record SessionUploadForm(IFormFile File, string? Model = null, string? InputFormat = null, string? LogFormat = null);

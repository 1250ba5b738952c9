namespace AnomalyStudio.App.Api.Contracts;

/// <summary>
/// The multipart form of <c>POST /api/detect</c>, as the OpenAPI document describes it. The endpoint reads the
/// form itself (to apply the upload limit before anything is buffered), so this type only documents the field.
/// </summary>
/// <param name="File">The log (access, error, syslog, application), JSON-lines or CSV file.</param>
public sealed record FileUploadForm(IFormFile File);

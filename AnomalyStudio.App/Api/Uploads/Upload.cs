namespace AnomalyStudio.App.Api.Uploads;

/// <summary>
/// A file read from a multipart upload, or why it could not be read: a status (400 or 413) and a message
/// for the user. The file's name is kept for display only, never used as a path.
/// </summary>
public sealed class Upload
{
    private const int MaxNameLength = 255;

    private Upload(IFormCollection? form, IFormFile? file, int statusCode, string? error)
    {
        Form = form;
        File = file;
        StatusCode = statusCode;
        Error = error;
        FileName = DisplayName(file?.FileName);
    }

    /// <summary>The whole form, for fields sent beside the file (the reference design's <c>model</c>).</summary>
    public IFormCollection? Form { get; }

    public IFormFile? File { get; }

    /// <summary>200 when the file was read, else the HTTP status to answer with.</summary>
    public int StatusCode { get; }

    /// <summary>Why the upload was refused, for the user; null when it was read.</summary>
    public string? Error { get; }

    /// <summary>The uploaded file's name without any directory part or control characters ("upload" when it has none).</summary>
    public string FileName { get; }

    public static Upload Read(IFormCollection form, IFormFile file) => new(form, file, StatusCodes.Status200OK, null);

    public static Upload Refused(int statusCode, string error) => new(null, null, statusCode, error);

    /// <summary>A client chooses the name, so only its last segment, printable and bounded, is shown in reports.</summary>
    private static string DisplayName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "upload";
        }

        var start = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\')) + 1;
        var printable = string.Concat(name[start..].Where(c => !char.IsControl(c))).Trim();
        if (printable.Length > MaxNameLength)
        {
            printable = printable[..MaxNameLength];
        }

        return printable.Length == 0 ? "upload" : printable;
    }
}

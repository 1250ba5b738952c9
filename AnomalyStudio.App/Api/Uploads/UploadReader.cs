using AnomalyStudio.App.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AnomalyStudio.App.Api.Uploads;

/// <summary>
/// Reads the file of a <c>multipart/form-data</c> upload within <see cref="AnomalyStudioOptions.MaxUploadBytes"/>.
/// The limit is enforced three times, because each check alone has a gap: the declared Content-Length (refused
/// before a byte is read), the server's own body limit (raised from Kestrel's 30 MB default or lowered to ours),
/// and the bytes actually read (<see cref="UploadLimitStream"/>, for chunked uploads and servers without a limit).
/// The form reader's own 128 MB multipart limit is set to ours so it never cuts a legitimate upload short.
/// </summary>
public sealed class UploadReader(IOptions<AnomalyStudioOptions> options)
{
    /// <summary>The form field that carries the file.</summary>
    public const string FileField = "file";

    /// <summary>Room for the multipart envelope around the file: boundaries, part headers and small fields such as <c>model</c>.</summary>
    public const long EnvelopeBytes = 64 * 1024;

    /// <summary>The largest file accepted.</summary>
    public long MaxFileBytes => options.Value.MaxUploadBytes;

    /// <summary>The largest request body accepted: the file plus its envelope.</summary>
    public long MaxBodyBytes => MaxFileBytes + EnvelopeBytes;

    /// <param name="field">The form field the file is sent in (<see cref="FileField"/>; a comparison's first file is 'baseline').</param>
    /// <param name="orField">Another field the file may come in when <paramref name="field"/> has none (a comparison of one file's ranges sends 'file').</param>
    public async Task<Upload> ReadAsync(HttpContext context, CancellationToken cancellationToken, string field = FileField, string? orField = null)
    {
        var fields = orField is null ? $"'{field}'" : $"'{field}' or '{orField}'";
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Upload.Refused(StatusCodes.Status400BadRequest,
                $"Send the file as multipart/form-data in a field named {fields} (the request's content type is '{request.ContentType ?? "none"}').");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        // Only possible before the body is read; the handler reads the form itself, so nothing has read it yet.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = MaxBodyBytes;
        }

        var body = request.Body;
        request.Body = new UploadLimitStream(body, MaxBodyBytes);
        try
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxBodyBytes }, cancellationToken);
            var file = form.Files.GetFile(field) ?? (orField is null ? null : form.Files.GetFile(orField));
            if (file is null)
            {
                return Upload.Refused(StatusCodes.Status400BadRequest, $"No file was uploaded: send it in a multipart form field named {fields}.");
            }

            return file.Length > MaxFileBytes ? TooLarge() : Upload.Read(form, file);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (BadHttpRequestException ex)
        {
            return Upload.Refused(ex.StatusCode, ex.Message);
        }
        catch (InvalidDataException ex)
        {
            return Upload.Refused(StatusCodes.Status400BadRequest, $"The multipart form could not be read: {ex.Message}");
        }
        finally
        {
            // The form's file is buffered by now (memory or a temporary file), so the raw body is no longer needed.
            request.Body = body;
        }
    }

    private Upload TooLarge() => Upload.Refused(
        StatusCodes.Status413PayloadTooLarge,
        $"The upload is larger than the limit of {MaxFileBytes:N0} bytes (AnomalyStudio:MaxUploadBytes).");
}

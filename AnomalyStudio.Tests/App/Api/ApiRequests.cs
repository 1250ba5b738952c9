using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>Uploads and answers as the API's clients send and read them.</summary>
public static class ApiRequests
{
    public const string SessionCookie = "anomalystudio_session";

    /// <summary>A multipart form with the file in the field <c>file</c> (and other fields when given).</summary>
    public static MultipartFormDataContent Upload(byte[] content, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    public static MultipartFormDataContent UploadFile(string path, params (string Name, string Value)[] fields) =>
        Upload(File.ReadAllBytes(path), Path.GetFileName(path), fields);

    /// <summary>A JSON report without its stage timings: the only fields that differ between two runs of the same detection.</summary>
    public static JsonObject WithoutTimings(JsonObject report)
    {
        var copy = report.DeepClone().AsObject();
        copy.Remove("timings");
        copy["summary"]!.AsObject().Remove("elapsedSeconds");
        return copy;
    }

    public static async Task<JsonDocument> JsonAsync(HttpResponseMessage response) =>
        await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());

    /// <summary>The session cookie's Set-Cookie header of a response, or null when it sets none.</summary>
    public static string? SetCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(SessionCookie + "=", StringComparison.Ordinal))
            : null;

    /// <summary>The value the response sets the session cookie to.</summary>
    public static string? SessionId(HttpResponseMessage response) =>
        SetCookie(response) is { } header ? header[(SessionCookie.Length + 1)..].Split(';')[0] : null;
}

using Microsoft.JSInterop;

namespace AnomalyStudio.App.Components;

/// <summary>Saves bytes made on the server as a file in the analyst's browser (the page script's <c>anomalyStudio.download</c>).</summary>
internal static class BrowserDownload
{
    /// <summary>Streams <paramref name="content"/>, from its start, to the page, which saves it under <paramref name="name"/>.</summary>
    public static async Task DownloadAsync(this IJSRuntime js, string name, MemoryStream content)
    {
        content.Position = 0;
        using var stream = new DotNetStreamReference(content, leaveOpen: true);
        await js.InvokeVoidAsync("anomalyStudio.download", name, stream);
    }
}

using System.Net;

namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// Log content made inert for an HTML page: control characters and bidirectional overrides become visible
/// (<see cref="InertText"/>), then markup characters become entities, so a URI carrying &lt;script&gt; shows as text.
/// </summary>
public static class HtmlText
{
    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? string.Empty : WebUtility.HtmlEncode(InertText.ForTerminal(text));
}

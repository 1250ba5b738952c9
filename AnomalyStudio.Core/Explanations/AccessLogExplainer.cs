using System.Globalization;
using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Explanations;

/// <summary>
/// Says in plain words why an access-log record looks anomalous, strongest reason first, e.g.
/// "URI contains path traversal (../); HTTP 500 server error; response 48× the file's median size".
/// Attack URIs and tool user agents repeat across records, so what was found in them is cached per explainer.
/// </summary>
public sealed class AccessLogExplainer(AccessLogFeatures features)
{
    private const int LongUri = 200;

    /// <summary>URI shapes rarer than this share of the file's requests are named.</summary>
    private const double RareShapeShare = 0.001;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Uri, UriThreat Threat), string?> _evidence = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _tools = new(StringComparer.Ordinal);

    /// <summary>Every reason the record at <paramref name="index"/> gives, each with its strength; the caller orders them.</summary>
    public List<Reason> Reasons(int index)
    {
        var record = features.Records[index];
        var reasons = new List<Reason>();
        var threats = features.UriThreats[index];
        AddThreats(reasons, record, threats);
        AddUserAgent(reasons, record, features.UserAgents[index]);
        AddStatus(reasons, record.Status);
        AddSize(reasons, record.Bytes);
        AddMethod(reasons, record.Method);
        if (threats == UriThreat.None && features.Matrix[index, AccessLogFeatureExtractor.UriPayload] >= 2)
        {
            var tokens = Features.Text.PayloadTokens.Found(Features.Text.TextContent.Decode(record.Uri));
            reasons.Add(new Reason($"URI carries attack tokens ({string.Join(" ", tokens.Select(t => Clip(t, 12)))})", 88));
        }

        AddRareShape(reasons, index);
        if (record.Uri.Length > LongUri)
        {
            reasons.Add(new Reason($"very long URI ({record.Uri.Length.ToString("N0", CultureInfo.InvariantCulture)} characters)", 55));
        }

        return reasons;
    }

    private void AddThreats(List<Reason> reasons, Parsing.AccessLogRecord record, UriThreat threats)
    {
        AddRawBytes(reasons, record, threats);
        AddThreat(reasons, record.Uri, threats, UriThreat.CommandInjection, "command injection", 100);
        AddThreat(reasons, record.Uri, threats, UriThreat.SqlInjection, "SQL injection", 99);
        AddThreat(reasons, record.Uri, threats, UriThreat.PathTraversal, "path traversal", 98);
        AddThreat(reasons, record.Uri, threats, UriThreat.CrossSiteScripting, "cross-site scripting", 97);
        if (threats.HasFlag(UriThreat.SensitiveFile))
        {
            reasons.Add(new Reason($"URI probes a sensitive file ({Evidence(record.Uri, UriThreat.SensitiveFile)})", 90));
        }
    }

    private void AddUserAgent(List<Reason> reasons, Parsing.AccessLogRecord record, UserAgentKind kind)
    {
        switch (kind)
        {
            case UserAgentKind.Scanner:
                reasons.Add(new Reason($"scanner user agent ({Tool(record.UserAgent)})", 92));
                break;
            case UserAgentKind.Empty:
                reasons.Add(new Reason("empty user agent", 60));
                break;
            case UserAgentKind.ScriptClient:
                reasons.Add(new Reason($"scripted client ({Tool(record.UserAgent)})", 50));
                break;
        }
    }

    private static void AddStatus(List<Reason> reasons, int status)
    {
        if (status >= 500)
        {
            reasons.Add(new Reason($"HTTP {status} server error", 80));
        }
        else if (status >= 400)
        {
            reasons.Add(new Reason(status switch
            {
                401 => "HTTP 401 unauthorised",
                403 => "HTTP 403 forbidden",
                404 => "HTTP 404 not found",
                _ => $"HTTP {status} client error",
            }, 40));
        }
        else if (status >= 300)
        {
            reasons.Add(new Reason($"redirect (HTTP {status})", 10));
        }
    }

    // Against the median size (the mean when the median is 0, as when most responses are empty); the larger the ratio, the stronger.
    private void AddSize(List<Reason> reasons, long bytes)
    {
        var median = features.Bytes.Median > 0 ? features.Bytes.Median : Math.Max(1, features.Bytes.Mean);
        var ratio = bytes / median;
        if (bytes > features.Bytes.LargeResponseLimit || ratio >= 20)
        {
            reasons.Add(new Reason($"response {FormatRatio(ratio)}× the file's median size ({FormatBytes(bytes)})", 70 + Math.Min(9, Math.Log10(Math.Max(ratio, 1)))));
        }
    }

    private static void AddMethod(List<Reason> reasons, string method)
    {
        if (AccessLogFeatureExtractor.MethodCodeOf(method) == 7)
        {
            reasons.Add(new Reason(method.Length == 0 ? "no HTTP method" : $"unusual method '{Clip(method, 16)}'", 45));
        }
        else if (method is "DELETE" or "PUT" or "PATCH")
        {
            reasons.Add(new Reason($"{method} request", 30));
        }
    }

    private void AddRareShape(List<Reason> reasons, int index)
    {
        var share = features.UriShapeShares[index];
        if (share < RareShapeShare)
        {
            var count = (int)Math.Round(share * features.UriShapeShares.Length);
            reasons.Add(new Reason(
                $"rare URI shape ({count.ToString("N0", CultureInfo.InvariantCulture)} of {features.UriShapeShares.Length.ToString("N0", CultureInfo.InvariantCulture)} requests): {Clip(features.UriShapes[index], 48)}",
                35));
        }
    }

    private string? Evidence(string uri, UriThreat threat) =>
        _evidence.GetOrAdd((uri, threat), key => UriThreatDetector.Evidence(key.Uri, key.Threat));

    private string? Tool(string? userAgent) =>
        userAgent is null ? null : _tools.GetOrAdd(userAgent, UserAgentClassifier.ToolName);

    // Shellcode may sit anywhere in the request line (a request of no spaces is all method): the evidence quotes its first bytes.
    private static void AddRawBytes(List<Reason> reasons, Parsing.AccessLogRecord record, UriThreat threats)
    {
        if (threats.HasFlag(UriThreat.RawBytes))
        {
            var evidence = UriThreatDetector.RawBytesEvidence(string.Join(' ', record.Method, record.Uri, record.Protocol));
            reasons.Add(new Reason($"request carries raw bytes, as shellcode does ({evidence})", 101));
        }
    }

    private void AddThreat(List<Reason> reasons, string uri, UriThreat found, UriThreat threat, string words, double strength)
    {
        if (found.HasFlag(threat))
        {
            var evidence = Evidence(uri, threat);
            reasons.Add(new Reason(evidence is null ? $"URI contains {words}" : $"URI contains {words} ({evidence})", strength));
        }
    }

    /// <summary>The text, cut to <paramref name="length"/> characters with an ellipsis, for messages and explanations.</summary>
    internal static string Clip(ReadOnlySpan<char> text, int length) => text.Length <= length ? text.ToString() : string.Concat(text[..length], "…");

    private static string FormatRatio(double ratio) =>
        ratio >= 10 ? Math.Round(ratio).ToString("N0", CultureInfo.InvariantCulture) : ratio.ToString("0.#", CultureInfo.InvariantCulture);

    internal static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}

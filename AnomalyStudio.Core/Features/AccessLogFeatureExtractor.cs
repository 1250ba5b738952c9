using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Features.Text;
using MathNet.Numerics.Statistics;

namespace AnomalyStudio.Core.Features;

/// <summary>
/// Turns access-log records into features: the reference design's nine (status class flags, the response size as a
/// z-score over the file and a large-response flag, suspicious URI and user agent, the HTTP method as a code, and the
/// URI length), then three of the URI's content: how many distinct attack-payload tokens it carries
/// (<see cref="PayloadTokens"/>), the share of its decoded characters that are symbols, and how rare its shape is in
/// this file (−ln of the share of requests with the same <see cref="TextShape"/>: path with numbers abstracted,
/// parameter names, the character classes of their values).
/// </summary>
public static class AccessLogFeatureExtractor
{
    public static readonly IReadOnlyList<string> Names =
    [
        "is_4xx", "is_5xx", "is_3xx", "bytes_zscore", "large_response", "suspicious_uri", "suspicious_ua", "method_code",
        "uri_length", "uri_payload", "uri_symbols", "uri_shape_rarity",
    ];

    public const int Is4xx = 0, Is5xx = 1, Is3xx = 2, BytesZscore = 3, LargeResponse = 4, SuspiciousUri = 5,
        SuspiciousUserAgent = 6, MethodCode = 7, UriLength = 8, UriPayload = 9, UriSymbols = 10, UriShapeRarity = 11;

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"];

    /// <summary>GET 0, POST 1, PUT 2, DELETE 3, HEAD 4, OPTIONS 5, PATCH 6, anything else 7.</summary>
    public static int MethodCodeOf(string method)
    {
        var index = Array.IndexOf(Methods, method);
        return index < 0 ? Methods.Length : index;
    }

    public static AccessLogFeatures Extract(AccessLogTable records, CancellationToken cancellationToken = default)
    {
        var n = records.Count;
        if (n == 0)
        {
            return new AccessLogFeatures(new FeatureMatrix(Names, 0), records, [], [], new ByteStatistics(0, 1, 0)) { UriShapes = Array.Empty<string>(), UriShapeShares = [] };
        }

        var bytes = new double[n];
        for (var i = 0; i < n; i++)
        {
            bytes[i] = records.Bytes[i];
        }

        var (mean, std) = n > 1 ? ArrayStatistics.MeanStandardDeviation(bytes) : (n == 1 ? bytes[0] : 0, 0);
        if (!(std > 0))
        {
            std = 1; // as the reference design: a constant size gives z = 0, not a division by zero
        }

        var median = ArrayStatistics.MedianInplace(bytes);
        var stats = new ByteStatistics(mean, std, median);

        var matrix = new FeatureMatrix(Names, n);
        var threats = new UriThreat[n];
        var userAgents = new UserAgentKind[n];

        // URIs and user agents repeat a lot: each distinct one is measured once, found by its code in the table.
        var values = records.TextValues;
        var contents = new UriContent[values.Count];
        ForEachDistinct(records.Uris.Codes, values.Count, code => contents[code] = UriContent.Of(values[code]!), cancellationToken);
        var agentKinds = new UserAgentKind[values.Count];
        ForEachDistinct(records.UserAgents.Codes, values.Count, code => agentKinds[code] = values[code] is { } agent ? UserAgentClassifier.Classify(agent) : UserAgentKind.NotLogged, cancellationToken);
        var methodCodes = new int[values.Count];
        ForEachDistinct(records.Methods.Codes, values.Count, code => methodCodes[code] = MethodCodeOf(values[code]!), cancellationToken);
        RoutinePaths.Clear(contents, values, records);

        // Raw bytes (shellcode) may sit anywhere in the request line: a request of no spaces is all method.
        var rawBytes = new bool[values.Count];
        ForEachDistinct(records.Methods.Codes, values.Count, code => rawBytes[code] = UriThreatDetector.HasRawBytes(values[code]), cancellationToken);
        ForEachDistinct(records.Protocols.Codes, values.Count, code => rawBytes[code] = UriThreatDetector.HasRawBytes(values[code]), cancellationToken);

        var (shapes, shareOfCode) = ShapeShares(records, contents);
        var shares = new double[n];
        var partitions = System.Collections.Concurrent.Partitioner.Create(0, n, Math.Max(4096, n / (Environment.ProcessorCount * 8) + 1));
        Parallel.ForEach(
            partitions,
            new ParallelOptions { CancellationToken = cancellationToken },
            range =>
            {
                var uriCodes = records.Uris.Codes;
                var agentCodes = records.UserAgents.Codes;
                var methods = records.Methods.Codes;
                var protocols = records.Protocols.Codes;
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    ref readonly var content = ref contents[uriCodes[i]];
                    var threat = content.Threat | (rawBytes[methods[i]] || rawBytes[protocols[i]] ? UriThreat.RawBytes : UriThreat.None);
                    var agent = agentKinds[agentCodes[i]];
                    threats[i] = threat;
                    userAgents[i] = agent;
                    var row = matrix.RowForWrite(i);
                    var status = records.Statuses[i];
                    var size = records.Bytes[i];
                    row[Is4xx] = status is >= 400 and < 500 ? 1 : 0;
                    row[Is5xx] = status >= 500 ? 1 : 0;
                    row[Is3xx] = status is >= 300 and < 400 ? 1 : 0;
                    row[BytesZscore] = (size - mean) / std;
                    row[LargeResponse] = size > stats.LargeResponseLimit ? 1 : 0;
                    row[SuspiciousUri] = threat == UriThreat.None ? 0 : 1;
                    row[SuspiciousUserAgent] = agent is UserAgentKind.Empty or UserAgentKind.ScriptClient or UserAgentKind.Scanner ? 1 : 0;
                    row[MethodCode] = methodCodes[methods[i]];
                    row[UriLength] = content.Length;
                    row[UriPayload] = content.Payload;
                    row[UriSymbols] = content.Symbols;
                    shares[i] = shareOfCode[uriCodes[i]];
                    row[UriShapeRarity] = -Math.Log(shares[i]);
                }
            });

        return new AccessLogFeatures(matrix, records, threats, userAgents, stats) { UriShapes = records.Uris.WithValues(shapes!), UriShapeShares = shares };
    }

    /// <summary>
    /// Rarity needs the whole file's shapes: requests per URI, then per shape (several URIs share a shape); for every URI
    /// code its shape and the share of the file's requests with that shape.
    /// </summary>
    private static (string[] Shapes, double[] ShareOfCode) ShapeShares(AccessLogTable records, UriContent[] contents)
    {
        var values = records.TextValues.Count;
        var requests = new int[values];
        foreach (var code in records.Uris.Codes)
        {
            requests[code]++;
        }

        var byShape = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var code = 0; code < requests.Length; code++)
        {
            if (requests[code] > 0)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byShape, contents[code].Shape, out _) += requests[code];
            }
        }

        var shapes = new string[values];
        var shareOfCode = new double[values];
        for (var code = 0; code < requests.Length; code++)
        {
            if (requests[code] > 0)
            {
                shapes[code] = contents[code].Shape;
                shareOfCode[code] = (double)byShape[shapes[code]] / records.Count;
            }
        }

        return (shapes, shareOfCode);
    }

    /// <summary>Runs <paramref name="measure"/> once for each distinct code in <paramref name="codes"/>, on all cores.</summary>
    private static void ForEachDistinct(ReadOnlySpan<int> codes, int values, Action<int> measure, CancellationToken cancellationToken)
    {
        var seen = new bool[values];
        var distinct = new List<int>();
        foreach (var code in codes)
        {
            if (!seen[code])
            {
                seen[code] = true;
                distinct.Add(code);
            }
        }

        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, distinct.Count, Math.Max(64, distinct.Count / (Environment.ProcessorCount * 8) + 1)),
            new ParallelOptions { CancellationToken = cancellationToken },
            range =>
            {
                for (var k = range.Item1; k < range.Item2; k++)
                {
                    measure(distinct[k]);
                }
            });
    }

    /// <summary>The content measures of one distinct URI.</summary>
    private record struct UriContent(UriThreat Threat, int Payload, double Symbols, string Shape, int Length)
    {
        public static UriContent Of(string uri)
        {
            var decoded = TextContent.Decode(uri);
            var symbols = 0;
            foreach (var c in decoded)
            {
                // The characters every path has (/ . - _) are not symbols here; '?', '&' and '=' are common enough.
                symbols += char.IsLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or '?' or '&' or '=' ? 0 : 1;
            }

            return new UriContent(
                UriThreatDetector.Detect(uri), PayloadTokens.Count(decoded), decoded.Length == 0 ? 0 : (double)symbols / decoded.Length, TextShape.Of(decoded, url: true), uri.Length);
        }
    }

    /// <summary>
    /// A path the server answers with success hundreds of times is part of the site (NASA's 1995 log serves
    /// <c>/cgi-bin/imagemap</c> all day), not a probe for a sensitive file: such URIs lose the sensitive-file flag.
    /// Other threats (an injection in the query) stay.
    /// </summary>
    private static class RoutinePaths
    {
        /// <summary>Successful answers to one path (query left out) that make it routine.</summary>
        public const int Answers = 100;

        public static void Clear(UriContent[] contents, IReadOnlyList<string?> values, AccessLogTable records)
        {
            var codes = records.Uris.Codes;
            var answered = new int[values.Count];
            var any = false;
            for (var i = 0; i < codes.Length; i++)
            {
                if (records.Statuses[i] is >= 200 and < 300 && contents[codes[i]].Threat.HasFlag(UriThreat.SensitiveFile))
                {
                    answered[codes[i]]++;
                    any = true;
                }
            }

            if (!any)
            {
                return;
            }

            var byPath = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var code = 0; code < answered.Length; code++)
            {
                if (answered[code] > 0)
                {
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byPath, PathOf(values[code]!), out _) += answered[code];
                }
            }

            for (var code = 0; code < contents.Length; code++)
            {
                if (contents[code].Threat.HasFlag(UriThreat.SensitiveFile) && values[code] is { } uri
                    && byPath.TryGetValue(PathOf(uri), out var count) && count >= Answers)
                {
                    contents[code].Threat &= ~UriThreat.SensitiveFile;
                }
            }
        }

        private static string PathOf(string uri) => uri.IndexOf('?') is var q and >= 0 ? uri[..q] : uri;
    }
}

using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Formats.AccessLog;

/// <summary>An access log's known-bad signals per request, in the robust σ of <see cref="EvidencePrior"/>.</summary>
internal static class AccessLogEvidence
{
    /// <summary>
    /// Each request's evidence: its status class, an attack signature in its URI, raw bytes in its request line, a
    /// scanner's user agent, a response far larger than the file's, and its URI's attack tokens.
    /// </summary>
    public static double[] Of(AccessLogFeatures features)
    {
        var matrix = features.Matrix;
        var evidence = new double[matrix.Rows];
        for (var i = 0; i < evidence.Length; i++)
        {
            var row = matrix.Row(i);
            evidence[i] = (row[AccessLogFeatureExtractor.Is5xx] * EvidencePrior.ServerError) + (row[AccessLogFeatureExtractor.Is4xx] * EvidencePrior.ClientError)
                + (features.UriThreats[i] != UriThreat.None || features.UserAgents[i] == UserAgentKind.Scanner ? EvidencePrior.Signature : 0)
                + (features.UriThreats[i].HasFlag(UriThreat.RawBytes) ? EvidencePrior.RawBytes : 0)
                + EvidencePrior.OfResponseSize(features.Records.Bytes[i], features.Bytes.Median)
                + EvidencePrior.OfPayload(row[AccessLogFeatureExtractor.UriPayload]);
        }

        return evidence;
    }
}

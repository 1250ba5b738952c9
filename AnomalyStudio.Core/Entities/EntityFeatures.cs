using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Entities;

/// <summary>
/// The feature matrix of entities, one row per entity in <see cref="EntityIndex"/> order. Counts are taken as
/// ln(1 + x), so a client with 10,000 requests is not ten times further from one with 1,000 than that one is from
/// one with 100; shares stay in 0…1. Refused logins, POSTs and attack payloads are counts, not shares: half the
/// clients of a real log send one request, and a single 403 would otherwise look as extreme as 300 refused logins.
/// Access logs and tables have their own columns (a table has no status or agent).
/// </summary>
public static class EntityFeatures
{
    public static readonly IReadOnlyList<string> AccessLogNames =
    [
        "requests", "requests_per_minute", "peak_per_minute", "distinct_uris", "distinct_uri_share", "share_4xx", "share_5xx",
        "auth_failures", "bytes", "payload_requests", "posts", "scanner_share", "script_share", "empty_agent_share", "active_span",
    ];

    public static readonly IReadOnlyList<string> TableNames =
    [
        "records", "records_per_minute", "peak_per_minute", "distinct_values", "distinct_value_share", "warning_share", "error_share",
        "payload_share", "anomalous_share", "active_span", "auth_failures",
    ];

    public static FeatureMatrix Of(IReadOnlyList<EntityProfile> profiles, EntityKind kind)
    {
        var table = kind == EntityKind.Identifier;
        var matrix = new FeatureMatrix(table ? TableNames : AccessLogNames, profiles.Count);
        for (var e = 0; e < profiles.Count; e++)
        {
            var p = profiles[e];
            var row = matrix.RowForWrite(e);
            var minutes = p.Span.TotalMinutes;

            // The first seven columns mean the same for both kinds (a table's "errors" are its levels).
            row[0] = Log(p.Records);
            row[1] = Log(p.Records / Math.Max(1, minutes));
            row[2] = Log(p.PeakPerMinute);
            row[3] = Log(p.DistinctTargets);
            row[4] = p.Share(p.DistinctTargets);
            row[5] = p.Share(p.ClientErrors);
            row[6] = p.Share(p.ServerErrors);
            if (table)
            {
                row[7] = p.Share(p.PayloadRecords);
                row[8] = p.Share(p.AnomalousRecords);
                row[9] = Log(minutes);
                row[10] = Log(p.AuthFailures);
                continue;
            }

            row[7] = Log(p.AuthFailures);
            row[8] = Log(p.Bytes);
            row[9] = Log(p.PayloadRecords);
            row[10] = Log(p.Posts);
            row[11] = p.Share(p.ScannerRecords);
            row[12] = p.Share(p.ScriptRecords);
            row[13] = p.Share(p.EmptyAgentRecords);
            row[14] = Log(minutes);
        }

        return matrix;
    }

    private static double Log(double count) => Math.Log(1 + Math.Max(0, count));
}

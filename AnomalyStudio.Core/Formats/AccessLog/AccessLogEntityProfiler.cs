using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Formats.AccessLog;

/// <summary>
/// Groups an access log's requests by client IP (or IP + user agent) and measures what each client did: how many
/// requests, how fast at its peak minute, how many distinct URIs, which statuses, how many POSTs, attack payloads,
/// bytes and which kind of user agent. One pass over the records to number them, then one pass per entity over its
/// own requests, in parallel.
/// </summary>
internal static class AccessLogEntityProfiler
{
    public static (EntityIndex Index, EntityProfile[] Profiles) Profile(AccessLogFeatures features, EntityOptions options, CancellationToken cancellationToken = default)
    {
        var records = features.Records;
        var n = records.Count;
        // The parser's columns are dictionary-encoded: clients, agents and URIs are numbered per distinct code.
        var (ips, ipTexts) = TextIds.Encode(records.Ips);
        int[] ofRecord;
        IReadOnlyList<string> keys;
        if (options.Sessions)
        {
            var (agents, agentTexts) = TextIds.Encode(records.UserAgents);
            var sessions = new Dictionary<long, int>();
            var names = new List<string>();
            ofRecord = new int[n];
            for (var i = 0; i < n; i++)
            {
                var key = ((long)ips[i] << 32) | (uint)agents[i];
                if (!sessions.TryGetValue(key, out var id))
                {
                    id = names.Count;
                    sessions[key] = id;
                    var text = agentTexts[agents[i]];
                    names.Add(text.Length == 0 ? records.Ips[i] : $"{records.Ips[i]} · {AccessLogExplainer.Clip(text, 60)}");
                }

                ofRecord[i] = id;
            }

            keys = names;
        }
        else
        {
            ofRecord = ips;
            keys = ipTexts;
        }

        var index = new EntityIndex(keys, ofRecord);
        var (uris, uriTexts) = TextIds.Encode(records.Uris);

        var profiles = new EntityProfile[index.Count];
        Parallel.For(
            0,
            index.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => (Targets: new Dictionary<int, int>(), Statuses: new Dictionary<int, int>(), Minutes: new List<long>()),
            (entity, _, scratch) =>
            {
                profiles[entity] = Measure(features, index.Keys[entity], index.Records(entity), uris, uriTexts, scratch);
                return scratch;
            },
            _ => { });
        return (index, profiles);
    }

    private static EntityProfile Measure(
        AccessLogFeatures features, string key, ReadOnlySpan<int> rows, int[] uris, IReadOnlyList<string> uriTexts,
        (Dictionary<int, int> Targets, Dictionary<int, int> Statuses, List<long> Minutes) scratch)
    {
        var records = features.Records;
        var (targets, statuses, minutes) = scratch;
        targets.Clear();
        statuses.Clear();
        minutes.Clear();
        int clientErrors = 0, serverErrors = 0, auth = 0, posts = 0, payload = 0, scanner = 0, script = 0, empty = 0, browser = 0;
        long bytes = 0, first = long.MaxValue, last = long.MinValue;
        string? scannerAgent = null, scriptAgent = null;
        foreach (var i in rows)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(targets, uris[i], out _)++;
            var status = records.Statuses[i];
            if (status >= 400)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(statuses, status, out _)++;
                if (status >= 500)
                {
                    serverErrors++;
                }
                else
                {
                    clientErrors++;
                    auth += status is 401 or 403 ? 1 : 0;
                }
            }

            posts += records.Methods[i] == "POST" ? 1 : 0;
            payload += features.UriThreats[i] != UriThreat.None || features.Matrix[i, AccessLogFeatureExtractor.UriPayload] >= 2 ? 1 : 0;
            bytes += records.Bytes[i];
            switch (features.UserAgents[i])
            {
                case UserAgentKind.Scanner:
                    scanner++;
                    scannerAgent ??= records.UserAgents[i];
                    break;
                case UserAgentKind.ScriptClient:
                    script++;
                    scriptAgent ??= records.UserAgents[i];
                    break;
                case UserAgentKind.Empty:
                    empty++;
                    break;
                case UserAgentKind.Browser:
                    browser++;
                    break;
            }

            var ticks = records.Timestamps[i].UtcTicks;
            first = Math.Min(first, ticks);
            last = Math.Max(last, ticks);
            minutes.Add(ticks / TimeSpan.TicksPerMinute);
        }

        var (active, peak) = MinuteCounts.Of(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(minutes));
        var (topTarget, topTargetCount) = TopCount.Of(targets);
        var (topError, topErrorCount) = statuses.Count == 0 ? (0, 0) : TopCount.Of(statuses);
        var agent = rows.Length == 0 ? UserAgentKind.NotLogged
            : scanner * 2 >= rows.Length ? UserAgentKind.Scanner
            : script * 2 >= rows.Length ? UserAgentKind.ScriptClient
            : empty * 2 >= rows.Length ? UserAgentKind.Empty
            : browser > 0 ? UserAgentKind.Browser : UserAgentKind.NotLogged;
        return new EntityProfile
        {
            Key = key,
            Records = rows.Length,
            FirstSeen = rows.Length == 0 ? null : new DateTimeOffset(first, TimeSpan.Zero),
            LastSeen = rows.Length == 0 ? null : new DateTimeOffset(last, TimeSpan.Zero),
            ActiveMinutes = active,
            PeakPerMinute = peak,
            DistinctTargets = targets.Count,
            TopTarget = targets.Count == 0 ? null : uriTexts[topTarget],
            TopTargetCount = topTargetCount,
            ClientErrors = clientErrors,
            ServerErrors = serverErrors,
            AuthFailures = auth,
            TopErrorStatus = topError,
            TopErrorCount = topErrorCount,
            Posts = posts,
            PayloadRecords = payload,
            Bytes = bytes,
            Agent = agent,
            ScannerRecords = scanner,
            ScriptRecords = script,
            EmptyAgentRecords = empty,
            Tool = UserAgentClassifier.ToolName(agent == UserAgentKind.Scanner ? scannerAgent : agent == UserAgentKind.ScriptClient ? scriptAgent : scannerAgent ?? scriptAgent),
        };
    }
}

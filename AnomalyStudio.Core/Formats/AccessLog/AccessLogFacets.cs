using System.Globalization;
using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Core.Formats.AccessLog;

/// <summary>
/// An access log's fields for the spike stage: the status, URI template (the URI's shape, numbers abstracted), client,
/// user agent and method of every request, with the rate split into status classes.
/// </summary>
internal static class AccessLogFacets
{
    public static RecordFacets Of(AccessLogFeatures features)
    {
        var records = features.Records;
        var ticks = new long[records.Count];
        var classes = new int[records.Count];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = records.Timestamps[i].UtcTicks;
            classes[i] = Math.Clamp(records.Statuses[i] / 100, 0, 9);
        }

        var statuses = TextIds.Encode(records.Statuses.Select(s => StatusText(s)).ToArray());
        return new RecordFacets
        {
            Ticks = ticks,
            Noun = "requests",
            Facets =
            [
                Facet.Of("status", statuses),
                Facet.Of("URI template", TextIds.Encode(features.UriShapes)),
                Facet.Of("client", TextIds.Encode(records.Ips)),
                Facet.Of("agent", TextIds.Encode(records.UserAgents, "(none)")),
                Facet.Of("method", TextIds.Encode(records.Methods)),
            ],
            Classes = new Facet("status class", classes, Enumerable.Range(0, 10).Select(c => $"{c}xx").ToArray()),
        };
    }


    private static readonly string[] StatusTexts = Enumerable.Range(0, 600).Select(s => s.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string StatusText(int status) => (uint)status < StatusTexts.Length ? StatusTexts[status] : status.ToString(CultureInfo.InvariantCulture);
}

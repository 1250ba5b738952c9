using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Spikes;

/// <summary>
/// The time and the categorical fields of every record, as codes, for rate series and for contrasting a window with
/// a baseline: for an access log the status, URI template (the URI's shape, numbers abstracted), client, user agent
/// and method, split into status classes; for a table its category, level and identifier columns, split by level.
/// </summary>
public sealed class RecordFacets
{
    /// <summary>Each record's UTC ticks; <see cref="long.MinValue"/> where it has no time.</summary>
    public required long[] Ticks { get; init; }

    public required IReadOnlyList<Facet> Facets { get; init; }

    /// <summary>The field that splits the rate into series (status class, level); null when there is none.</summary>
    public Facet? Classes { get; init; }

    /// <summary>What a record is called in sentences ("requests", "rows").</summary>
    public required string Noun { get; init; }

    public int Count => Ticks.Length;

    public long EstimatedBytes => (Ticks.Length * 8L) + ((Facets.Count + (Classes is null ? 0 : 1)) * Ticks.Length * 4L)
        + Facets.Sum(f => f.Values.Sum(v => 24L + (2L * v.Length)));

    public static RecordFacets OfAccessLog(AccessLogFeatures features)
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
                Of("status", statuses),
                Of("URI template", TextIds.Encode(features.UriShapes)),
                Of("client", TextIds.Encode(records.Ips)),
                Of("agent", TextIds.Encode(records.UserAgents, "(none)")),
                Of("method", TextIds.Encode(records.Methods)),
            ],
            Classes = new Facet("status class", classes, Enumerable.Range(0, 10).Select(c => $"{c}xx").ToArray()),
        };
    }

    public static RecordFacets OfTable(CsvTable table)
    {
        var ticks = new long[table.RowCount];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = table.Timestamps?[i]?.UtcTicks ?? long.MinValue;
        }

        var facets = table.Columns
            .Where(c => c.Texts is not null && c.Role is ColumnRole.Categorical or ColumnRole.Level or ColumnRole.Identifier)
            .Select(c => Of(c.Name, TextIds.Encode(c.Texts!, "(missing)")))
            .ToList();
        var level = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.Level && c.Texts is not null);
        return new RecordFacets
        {
            Ticks = ticks,
            Noun = "rows",
            Facets = facets,
            Classes = level is null ? null : Of(level.Name, TextIds.Encode(level.Texts!.Select(t => t?.Trim().ToUpperInvariant()).ToArray(), "(missing)")),
        };
    }

    private static Facet Of(string name, (int[] Ids, IReadOnlyList<string> Texts) encoded) => new(name, encoded.Ids, encoded.Texts);

    private static readonly string[] StatusTexts = Enumerable.Range(0, 600).Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static string StatusText(int status) => (uint)status < StatusTexts.Length ? StatusTexts[status] : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

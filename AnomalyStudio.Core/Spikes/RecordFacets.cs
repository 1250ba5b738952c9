using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Spikes;

/// <summary>
/// The time and the categorical fields of every record, as codes, for rate series and for contrasting a window with
/// a baseline. Each format gives its own (an access log its status, URI template, client, agent and method, split into
/// status classes); a table gives its category, level and identifier columns, split by level (<see cref="OfTable"/>).
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

    public static RecordFacets OfTable(CsvTable table)
    {
        var ticks = new long[table.RowCount];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = table.Timestamps?[i]?.UtcTicks ?? long.MinValue;
        }

        var facets = table.Columns
            .Where(c => c.Texts is not null && c.Role is ColumnRole.Categorical or ColumnRole.Level or ColumnRole.Identifier)
            .Select(c => Facet.Of(c.Name, TextIds.Encode(c.Texts!, "(missing)")))
            .ToList();
        var level = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.Level && c.Texts is not null);
        return new RecordFacets
        {
            Ticks = ticks,
            Noun = "rows",
            Facets = facets,
            Classes = level is null ? null : Facet.Of(level.Name, TextIds.Encode(level.Texts!.Select(t => t?.Trim().ToUpperInvariant()).ToArray(), "(missing)")),
        };
    }
}

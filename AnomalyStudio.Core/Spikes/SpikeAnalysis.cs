namespace AnomalyStudio.Core.Spikes;

/// <summary>
/// The rates of a file over time and the bursts in them, each explained; <see cref="Explain"/> explains any other
/// window the analyst picks. Empty (no series) when the records have no timestamps.
/// </summary>
public sealed class SpikeAnalysis(RecordFacets facets, SpikeOptions options, IReadOnlyList<RateSeries> series, IReadOnlyList<Spike> spikes)
{
    public RecordFacets Facets => facets;

    public SpikeOptions Options => options;

    /// <summary>The overall rate first, then one per class (status class, level) that occurs.</summary>
    public IReadOnlyList<RateSeries> Series => series;

    /// <summary>Bursts, largest excess first.</summary>
    public IReadOnlyList<Spike> Spikes => spikes;

    public bool HasTime => series.Count > 0;

    /// <summary>The field values over-represented in <paramref name="window"/> against <paramref name="baseline"/> (null: every other record).</summary>
    public SpikeExplanation Explain(TimeWindow window, TimeWindow? baseline = null) =>
        WindowContrast.Explain(facets, window.Validate(), baseline?.Validate("baseline"), options);

    public long EstimatedBytes => facets.EstimatedBytes + series.Sum(s => s.Counts.Length * 4L);
}

using AnomalyStudio.App.State;

namespace AnomalyStudio.App.Components.Views;

/// <summary>
/// The dashboard's views, in tab order. Adding a view is a component in this folder that takes the result as its
/// <c>Result</c> parameter (and injects the circuit's sessions it binds to), plus one line here.
/// </summary>
public static class DashboardViewList
{
    public static DashboardViews Standard { get; } = new(
    [
        new("records", typeof(RecordsTab), (_, result) => $"Records ({result.Summary.Total:N0})"),
        new("entities", typeof(EntitiesTab),
            (population, _) => population.Entities is { } e ? $"Entities ({e.Entities.Counts.Anomalies:N0} unusual of {e.Entities.Count:N0})" : "Entities (none)",
            population => population.Entities is not null),
        new("spikes", typeof(SpikesTab), (population, _) => $"Spikes ({population.Spikes?.Spikes.Count ?? 0})"),
        new("patterns", typeof(PatternsTab),
            (population, _) => population.Patterns is { } p ? $"Patterns ({p.Summary.Patterns.Count:N0})" : "Patterns (none)",
            population => population.Patterns is not null),
        new("compare", typeof(CompareTab), (_, _) => "Compare"),
        new("series", typeof(SeriesTab),
            (_, result) => result.TimeSeries is { } series ? $"Series ({series.Periods.Count:N0} anomalous periods)" : "Series (not a time series)",
            population => population.Result?.TimeSeries is not null),
    ]);
}

using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.App.State;

/// <summary>
/// The circuit's "who and when" state beside its <see cref="AnalysisSession"/>: the tab shown, the time range brushed on
/// the timeline (which filters the records table, the entities, the patterns and the heat strip, and is what the spike panel
/// explains), the entities' and patterns' views and the entity and spike chosen. Rebuilt whenever the session's result changes;
/// raises <see cref="Changed"/> after every change.
/// </summary>
public sealed class PopulationSession : IDisposable
{
    private readonly AnalysisSession _session;
    private readonly DashboardViews _views;
    private DetectionResult? _result;

    /// <summary>The result the views show; null before the first.</summary>
    public DetectionResult? Result => _result;

    public PopulationSession(AnalysisSession session, DashboardViews views)
    {
        _session = session;
        _views = views;
        Tab = views.Default.Tab;
        _session.Changed += Sync;
        Sync();
    }

    public event Action? Changed;

    /// <summary>The key of the tab chosen (<see cref="DashboardView.Tab"/>).</summary>
    public string Tab { get; private set; }

    /// <summary>The view the dashboard shows: the chosen one when it has something to show, else the first.</summary>
    public DashboardView View => _views.Find(Tab) is { } view && view.AvailableIn(this) ? view : _views.Default;

    /// <summary>Every registered view, in tab order.</summary>
    public IReadOnlyList<DashboardView> Views => _views.All;

    public TimeWindow? Range { get; private set; }

    public EntitiesView? Entities { get; private set; }

    /// <summary>The patterns of the result in the range, when it has any.</summary>
    public PatternsView? Patterns { get; private set; }

    public int? SelectedEntity { get; private set; }

    public Spike? SelectedSpike { get; private set; }

    /// <summary>What the spike panel shows: the brushed range explained against the rest of the file, when there is one.</summary>
    public SpikeExplanation? RangeExplanation { get; private set; }

    public SpikeAnalysis? Spikes => _result?.Spikes;

    public void Show(string tab)
    {
        Tab = tab;
        Changed?.Invoke();
    }

    /// <summary>Sets (or clears) the time range every view is filtered to.</summary>
    public void SetRange(TimeWindow? range)
    {
        Range = range;
        SelectedSpike = range is { } r ? Spikes?.Spikes.FirstOrDefault(s => s.Window == r) : null;
        RangeExplanation = range is { } w && Spikes is { HasTime: true } spikes && SelectedSpike is null ? spikes.Explain(w) : null;
        Entities?.SetRange(range);
        if (_result is { } result)
        {
            Patterns?.Refresh(result.Records.Severities, range);
        }

        _session.UpdateView(v => v.SetRange(range)); // raises the session's change, which re-renders the page
        Changed?.Invoke();
    }

    /// <summary>Selects a spike: the range becomes its window.</summary>
    public void SelectSpike(Spike spike) => SetRange(spike.Window);

    public void SelectEntity(int? entity)
    {
        SelectedEntity = entity;
        Changed?.Invoke();
    }

    public void UpdatePatterns(Action<PatternsView> change)
    {
        if (Patterns is not null)
        {
            change(Patterns);
            Changed?.Invoke();
        }
    }

    public void UpdateEntities(Action<EntitiesView> change)
    {
        if (Entities is not null)
        {
            change(Entities);
            Changed?.Invoke();
        }
    }

    /// <summary>The records' UTC ticks, shared by the spike analysis (null when the file has no times).</summary>
    public long[]? Ticks => Spikes is { HasTime: true } spikes ? spikes.Facets.Ticks : null;

    private void Sync()
    {
        if (ReferenceEquals(_result, _session.Result))
        {
            return;
        }

        // A moved threshold re-bands the same detection (same scores): the range, selections and entities stay.
        if (_result is not null && _session.Result is { } rebanded && ReferenceEquals(_result.Records.Scores, rebanded.Records.Scores))
        {
            _result = rebanded;
            Patterns?.Refresh(rebanded.Records.Severities, Range); // the patterns' severity mix follows the threshold
            return;
        }

        _result = _session.Result;
        Range = null;
        SelectedEntity = null;
        SelectedSpike = null;
        RangeExplanation = null;
        Entities = _result?.Entities is { } entities ? new EntitiesView(entities, Ticks) : null;
        Patterns = _result is { Patterns: { } patterns } r ? new PatternsView(patterns, r.Records.Severities, null) : null;
        if (_views.Find(Tab) is not { } chosen || !chosen.AvailableIn(this))
        {
            Tab = _views.Default.Tab; // e.g. the entities of a result that has none
        }
    }

    public void Dispose() => _session.Changed -= Sync;
}

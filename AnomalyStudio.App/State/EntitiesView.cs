using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.App.State;

/// <summary>
/// The filtered, ranked view of a detection's entities that the Entities table shows: severity chips, a search over
/// key, explanation and summary, and the time range (an entity is shown when any of its records falls in it). Works
/// on indices, like <see cref="ResultsView"/>; no UI types.
/// </summary>
public sealed class EntitiesView
{
    private readonly EntityAnalysis _entities;
    private readonly long[]? _ticks;
    private readonly HashSet<Severity> _severities = [.. Enum.GetValues<Severity>()];
    private int[] _indices = [];

    /// <param name="ticks">Each record's UTC ticks (long.MinValue when it has none), for the time range; null when there are none.</param>
    public EntitiesView(EntityAnalysis entities, long[]? ticks)
    {
        _entities = entities;
        _ticks = ticks;
        Apply();
    }

    public EntityAnalysis Entities => _entities;

    public IReadOnlySet<Severity> Severities => _severities;

    public string Search { get; private set; } = string.Empty;

    public TimeWindow? Range { get; private set; }

    /// <summary>Entity indices shown, highest score first.</summary>
    public IReadOnlyList<int> Indices => _indices;

    public int Count => _indices.Length;

    public int CountOf(Severity severity) => _entities.Counts[severity];

    public void Toggle(Severity severity)
    {
        if (!_severities.Remove(severity))
        {
            _severities.Add(severity);
        }

        Apply();
    }

    public void SetSearch(string? text)
    {
        Search = text?.Trim() ?? string.Empty;
        Apply();
    }

    public void SetRange(TimeWindow? range)
    {
        Range = range;
        Apply();
    }

    /// <summary>The records of <paramref name="entity"/> inside the range (all of them without one), in file order.</summary>
    public IReadOnlyList<int> RecordsOf(int entity)
    {
        var records = _entities.Index.Records(entity);
        var list = new List<int>(records.Length);
        foreach (var i in records)
        {
            if (InRange(i))
            {
                list.Add(i);
            }
        }

        return list;
    }

    private bool InRange(int record) => Range is not { } range || (_ticks is not null && range.Contains(_ticks[record]));

    private void Apply()
    {
        var matches = new List<int>();
        foreach (var e in _entities.Ranked)
        {
            if (!_severities.Contains(_entities.Severities[e]))
            {
                continue;
            }

            if (Search.Length > 0
                && !_entities.Profiles[e].Key.Contains(Search, StringComparison.OrdinalIgnoreCase)
                && !_entities.Explanations[e].Contains(Search, StringComparison.OrdinalIgnoreCase)
                && !_entities.Summaries[e].Contains(Search, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Range is not null && !AnyInRange(e))
            {
                continue;
            }

            matches.Add(e);
        }

        _indices = [.. matches];
    }

    private bool AnyInRange(int entity)
    {
        foreach (var i in _entities.Index.Records(entity))
        {
            if (InRange(i))
            {
                return true;
            }
        }

        return false;
    }
}

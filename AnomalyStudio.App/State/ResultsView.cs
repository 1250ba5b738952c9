using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.App.State;

/// <summary>How the results table is ordered.</summary>
public enum ResultsSort
{
    ScoreDescending,
    TimeAscending,
    LineAscending,
}

/// <summary>
/// The filtered, sorted view of a detection's records that the table shows: severity chips, a text search over
/// identifier, request/row text and explanation, and the sort. Works on indices: each sort's order of all records is
/// computed once and shared with the view of a re-banded result (<see cref="For"/>), since a moved threshold changes
/// severities but never scores or times, so a filter is one pass over that order and a million rows filter in well
/// under a second. The table fetches only the window it draws. No UI types: unit tests reach it directly.
/// </summary>
public sealed class ResultsView
{
    private readonly DetectionResult _result;
    private readonly HashSet<Severity> _severities = [.. Enum.GetValues<Severity>()];
    private readonly Orders _orders;
    private int[] _indices = [];

    public ResultsView(DetectionResult result)
        : this(result, new Orders(result.Records))
    {
    }

    private ResultsView(DetectionResult result, Orders orders)
    {
        _result = result;
        _orders = orders;
        Apply();
    }

    /// <summary>
    /// The view of <paramref name="rebanded"/>, the same detection flagged from another threshold or under other rules,
    /// with this view's filters and sort, reusing its orders while the scores are the same.
    /// </summary>
    public ResultsView For(DetectionResult rebanded)
    {
        var orders = ReferenceEquals(rebanded.Records.Scores, _result.Records.Scores) ? _orders : new Orders(rebanded.Records);
        var view = new ResultsView(rebanded, orders) { Search = Search, Sort = Sort, Range = Range };
        view._severities.Clear();
        view._severities.UnionWith(_severities);
        view.Apply();
        return view;
    }

    /// <summary>Every score from the highest down, sorted once (for "flag the top N").</summary>
    public double[] ScoresDescending => _orders.ScoresDescending;

    public DetectionResult Result => _result;

    public IReadOnlySet<Severity> Severities => _severities;

    public string Search { get; private set; } = string.Empty;

    public ResultsSort Sort { get; private set; } = ResultsSort.ScoreDescending;

    /// <summary>The time range brushed on the timeline; records without a time fall outside any range.</summary>
    public Core.Spikes.TimeWindow? Range { get; private set; }

    public void SetRange(Core.Spikes.TimeWindow? range)
    {
        Range = range;
        Apply();
    }

    /// <summary>Indices of the records shown, in display order.</summary>
    public IReadOnlyList<int> Indices => _indices;

    public int Count => _indices.Length;

    public int CountOf(Severity severity) => _result.Summary.SeverityCounts[severity];

    public void Toggle(Severity severity)
    {
        if (!_severities.Remove(severity))
        {
            _severities.Add(severity);
        }

        Apply();
    }

    /// <summary>Shows only <paramref name="severity"/> (a click on its bar), or everything again when it is already the only one.</summary>
    public void Only(Severity severity)
    {
        var alreadyOnly = _severities.Count == 1 && _severities.Contains(severity);
        _severities.Clear();
        if (alreadyOnly)
        {
            _severities.UnionWith(Enum.GetValues<Severity>());
        }
        else
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

    public void SetSort(ResultsSort sort)
    {
        Sort = sort;
        Apply();
    }

    /// <summary>The records at display positions [start, start + count).</summary>
    public IReadOnlyList<ScoredRecord> Window(int start, int count)
    {
        var end = Math.Min(_indices.Length, Math.Max(0, start) + Math.Max(0, count));
        var rows = new List<ScoredRecord>(Math.Max(0, end - start));
        for (var i = Math.Max(0, start); i < end; i++)
        {
            rows.Add(_result.Records[_indices[i]]);
        }

        return rows;
    }

    private void Apply()
    {
        var records = _result.Records;
        var source = _result.Source;
        var search = Search;
        var order = _orders.Of(Sort);
        var matches = new List<int>();
        foreach (var i in order)
        {
            if (!_severities.Contains(records.Severities[i]))
            {
                continue;
            }

            if (Range is { } range && (records.Timestamp(i) is not { } time || !range.Contains(time.UtcTicks)))
            {
                continue;
            }

            if (search.Length > 0
                && !records.Identifier(i).Contains(search, StringComparison.OrdinalIgnoreCase)
                && !records.Explanations[i].Contains(search, StringComparison.OrdinalIgnoreCase)
                && !source.SearchText(i).Contains(search, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            matches.Add(i);
        }

        _indices = [.. matches];
    }

    /// <summary>All records in each sort's order (ties by line), computed on first use from scores and times, which a moved threshold never changes.</summary>
    private sealed class Orders(ScoredRecords records)
    {
        private readonly Lazy<int[]> _byScore = new(() =>
        {
            var indices = Enumerable.Range(0, records.Count).ToArray();
            var scores = records.Scores;
            Array.Sort(indices, (a, b) => scores[b] != scores[a] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
            return indices;
        });

        private readonly Lazy<int[]> _byTime = new(() =>
        {
            var indices = Enumerable.Range(0, records.Count).ToArray();
            var times = indices.Select(i => records.Timestamp(i)?.UtcTicks ?? long.MaxValue).ToArray();
            Array.Sort(indices, (a, b) => times[a] != times[b] ? times[a].CompareTo(times[b]) : a.CompareTo(b));
            return indices;
        });

        private readonly Lazy<int[]> _byLine = new(() => Enumerable.Range(0, records.Count).ToArray());

        private readonly Lazy<double[]> _scores = new(() => FlagOverride.SortedDescending(records.Scores));

        public double[] ScoresDescending => _scores.Value;

        public int[] Of(ResultsSort sort) => sort switch
        {
            ResultsSort.ScoreDescending => _byScore.Value,
            ResultsSort.TimeAscending => _byTime.Value,
            _ => _byLine.Value,
        };
    }
}

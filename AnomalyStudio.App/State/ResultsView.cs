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
/// identifier, request/row text and explanation, and the sort. Works on indices, so a million rows filter in
/// well under a second and the table fetches only the window it draws. No UI types: unit tests reach it directly.
/// </summary>
public sealed class ResultsView
{
    private readonly DetectionResult _result;
    private readonly HashSet<Severity> _severities = [.. Enum.GetValues<Severity>()];
    private int[] _indices = [];

    public ResultsView(DetectionResult result)
    {
        _result = result;
        Apply();
    }

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
        var matches = new List<int>();
        for (var i = 0; i < records.Count; i++)
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

        var indices = matches.ToArray();
        var scores = records.Scores;
        switch (Sort)
        {
            case ResultsSort.ScoreDescending:
                Array.Sort(indices, (a, b) => scores[b] != scores[a] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
                break;
            case ResultsSort.TimeAscending:
                var times = indices.Select(i => records.Timestamp(i)?.UtcTicks ?? long.MaxValue).ToArray();
                Array.Sort(times, indices);
                break;
        }

        _indices = indices;
    }
}

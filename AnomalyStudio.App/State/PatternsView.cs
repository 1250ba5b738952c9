using AnomalyStudio.Core.Patterns;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.App.State;

/// <summary>
/// What the Patterns view shows: the result's patterns counted in the brushed range with the current severities, and a
/// search over their ids and templates. Recounted (one pass over the records) when the range or the threshold moves;
/// no UI types, so unit tests reach it directly.
/// </summary>
public sealed class PatternsView
{
    public PatternsView(PatternAnalysis analysis, Severity[] severities, TimeWindow? range)
    {
        Analysis = analysis;
        Summary = analysis.Summarise(severities, range);
        Shown = Summary.Patterns;
    }

    public PatternAnalysis Analysis { get; }

    public PatternSummary Summary { get; private set; }

    public string Search { get; private set; } = string.Empty;

    /// <summary>The patterns listed: those matching the search, most frequent first.</summary>
    public IReadOnlyList<Pattern> Shown { get; private set; }

    /// <summary>Counts again for <paramref name="range"/> (null: the whole file) with <paramref name="severities"/>.</summary>
    public void Refresh(Severity[] severities, TimeWindow? range)
    {
        Summary = Analysis.Summarise(severities, range);
        Apply();
    }

    public void SetSearch(string? text)
    {
        Search = text?.Trim() ?? string.Empty;
        Apply();
    }

    private void Apply() => Shown = Search.Length == 0
        ? Summary.Patterns
        : [.. Summary.Patterns.Where(p => p.Template.Contains(Search, StringComparison.OrdinalIgnoreCase) || string.Equals(p.TemplateId, Search, StringComparison.OrdinalIgnoreCase))];
}

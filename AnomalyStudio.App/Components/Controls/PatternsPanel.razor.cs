using System.Globalization;
using AnomalyStudio.App.State;
using AnomalyStudio.Core.Patterns;
using Microsoft.AspNetCore.Components;

namespace AnomalyStudio.App.Components.Controls;

/// <summary>The patterns table: renders a <see cref="PatternsView"/> and raises the analyst's choices; it filters nothing itself.</summary>
public sealed partial class PatternsPanel
{
    /// <summary>Rows listed at first and added by "list more": a log can have thousands of patterns.</summary>
    public const int PageRows = 100;

    private int _rows = PageRows;

    [Parameter, EditorRequired] public PatternsView View { get; set; } = null!;

    /// <summary>Codes of the patterns whose records the table shows (empty: all).</summary>
    [Parameter] public IReadOnlySet<int> Included { get; set; } = new HashSet<int>();

    /// <summary>Codes of the patterns whose records the table hides.</summary>
    [Parameter] public IReadOnlySet<int> Excluded { get; set; } = new HashSet<int>();

    /// <summary>The analyst clicked a pattern: show only its records.</summary>
    [Parameter] public EventCallback<int> OnShowRecords { get; set; }

    [Parameter] public EventCallback<int> OnInclude { get; set; }

    [Parameter] public EventCallback<int> OnExclude { get; set; }

    /// <summary>Drop every pattern choice.</summary>
    [Parameter] public EventCallback OnClear { get; set; }

    /// <summary>The analyst searched the patterns.</summary>
    [Parameter] public EventCallback<Action<PatternsView>> OnChange { get; set; }

    /// <summary>The analyst chose another field to mine (the detection runs again).</summary>
    [Parameter] public EventCallback<string> OnFieldChanged { get; set; }

    private string SummaryText
    {
        get
        {
            var s = View.Summary;
            var where = s.Range is { } range ? $" in {range}" : string.Empty;
            var without = s.WithoutPattern > 0 ? $"; {s.WithoutPattern:N0} records have no text to group" : string.Empty;
            return $"{s.Patterns.Count:N0} patterns of the {s.Source} in {s.Records:N0} records{where}: new {s.CountWith(PatternBadges.New):N0}, rare {s.CountWith(PatternBadges.Rare):N0}, bursting {s.CountWith(PatternBadges.Bursting):N0}{without}.";
        }
    }

    private string FilterText => ResultsView.DescribePatterns(Included, Excluded) is { } text
        ? $"Records table: {text}." : "Records of every pattern shown.";

    private static string Share(double share) => (100 * share).ToString(share < 0.001 ? "0.###" : "0.#", CultureInfo.InvariantCulture) + " %";

    private static string Seen(DateTimeOffset? time, long line) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : $"line {line:N0}";

    private string SparkLabel(Pattern p)
    {
        var peak = p.Sparkline.Max();
        var at = Array.IndexOf(p.Sparkline, peak);
        var when = View.Summary.Start is { } start && View.Summary.BucketWidth is { } width
            ? (start + (width * at)).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"
            : $"slice {at + 1} of {p.Sparkline.Length} of the file";
        return $"{p.TemplateId} over time: at most {peak:N0} records in a bucket, at {when}";
    }

    private static string SeverityMix(Pattern p)
    {
        var anomalous = SeverityStyle.Order.Where(s => s != Core.Scoring.Severity.Normal && p.Severities[s] > 0)
            .Select(s => $"{p.Severities[s]:N0} {SeverityStyle.Name(s)}").ToList();
        return anomalous.Count == 0 ? "all normal" : string.Join(", ", anomalous);
    }
}

using AnomalyStudio.App.State;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.State;

/// <summary>The patterns' view and the records table's pattern filter, without a browser, on real logs.</summary>
public sealed class PatternsViewTests
{
    [Fact]
    public void Including_a_pattern_shows_only_its_records_and_excluding_one_hides_them()
    {
        var result = PatternLogs.Apache;
        var summary = result.PatternSummary()!;
        var top = summary.Patterns[0];
        var second = summary.Patterns[1];
        var view = new ResultsView(result);

        view.OnlyPattern(top.Index);
        Assert.Equal(top.Count, view.Count);
        Assert.All(view.Indices, i => Assert.Equal(top.Index, result.Patterns!.Codes[i]));

        view.IncludePattern(second.Index);
        Assert.Equal(top.Count + second.Count, view.Count);
        Assert.Equal($"Patterns: only {string.Join(", ", new[] { top.Index, second.Index }.Order().Select(c => "T" + (c + 1)))}", ResultsView.DescribePatterns(view.IncludedPatterns, view.ExcludedPatterns));

        view.ExcludePattern(top.Index);
        Assert.Equal(second.Count, view.Count);
        view.ClearPatterns();
        view.ExcludePattern(top.Index);
        Assert.Equal(result.Summary.Total - top.Count, view.Count);

        var moved = view.For(result.WithThreshold(null));
        Assert.Equal(view.Count, moved.Count);
        Assert.Contains(top.Index, moved.ExcludedPatterns);
    }

    [Fact]
    public void A_brushed_range_recounts_the_patterns_and_the_search_narrows_them()
    {
        var result = PatternLogs.Behaviours;
        var view = new PatternsView(result.Patterns!, result.Records.Severities, null);
        Assert.Equal(result.Summary.Total, view.Summary.Records);

        view.Refresh(result.Records.Severities, EntityScenarioInjector.BruteForceWindow);
        Assert.Equal("POST /login", view.Shown[0].Template);
        Assert.True(view.Summary.Records < 1000);

        view.SetSearch("login");
        Assert.All(view.Shown, p => Assert.Contains("login", p.Template, StringComparison.OrdinalIgnoreCase));
        view.SetSearch(view.Shown[0].TemplateId.ToLowerInvariant());
        Assert.Single(view.Shown);
    }
}

using AnomalyStudio.App.Components.Controls;
using AnomalyStudio.App.State;
using AnomalyStudio.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components.Web;

namespace AnomalyStudio.Tests.App.Components;

/// <summary>bUnit tests of the patterns table and the comparison panel on real logs.</summary>
public sealed class PatternComponentTests
{
    [Fact]
    public async Task The_patterns_table_marks_parameters_and_raises_show_include_and_exclude()
    {
        await using var context = ComponentContext.Create();
        var result = PatternLogs.Apache;
        var view = new PatternsView(result.Patterns!, result.Records.Severities, null);
        int? shown = null, included = null, excluded = null;
        var panel = context.Render<PatternsPanel>(p => p.Add(c => c.View, view)
            .Add(c => c.OnShowRecords, (int code) => shown = code)
            .Add(c => c.OnInclude, (int code) => included = code)
            .Add(c => c.OnExclude, (int code) => excluded = code));

        Assert.Equal("Patterns", panel.Find("h2").TextContent);
        Assert.Equal(6, panel.FindAll("[data-testid=pattern-row]").Count);
        var first = panel.FindAll("[data-testid=pattern-row]")[0];
        Assert.Equal(2, first.QuerySelectorAll("mark.pattern-param").Length);
        Assert.Contains("Found child", first.TextContent);
        Assert.Equal("836", first.QuerySelector("[data-testid=pattern-count]")!.TextContent);
        Assert.NotNull(first.QuerySelector("svg.sparkline polyline"));
        Assert.Contains("6 patterns of the field 'message' in 2,000 records", panel.Find("[data-testid=patterns-summary]").TextContent);

        var top = view.Shown[0].Index;
        await panel.FindAll("[data-testid=pattern-show]")[0].ClickAsync(new MouseEventArgs());
        await panel.FindAll("[data-testid=pattern-include]")[0].ClickAsync(new MouseEventArgs());
        await panel.FindAll("[data-testid=pattern-exclude]")[1].ClickAsync(new MouseEventArgs());
        Assert.Equal(top, shown);
        Assert.Equal(top, included);
        Assert.Equal(view.Shown[1].Index, excluded);

        panel.Render(p => p.Add(c => c.Included, new HashSet<int> { top }));
        Assert.Equal("true", panel.FindAll("[data-testid=pattern-include]")[0].GetAttribute("aria-pressed"));
        Assert.Contains("only " + view.Shown[0].TemplateId, panel.Find("[data-testid=pattern-filter]").TextContent);
    }

    [Fact]
    public async Task Badges_are_named_in_words_and_long_lists_page()
    {
        await using var context = ComponentContext.Create();
        var result = PatternLogs.Behaviours;
        var view = new PatternsView(result.Patterns!, result.Records.Severities, null);
        var panel = context.Render<PatternsPanel>(p => p.Add(c => c.View, view));

        Assert.Equal(PatternsPanel.PageRows, panel.FindAll("[data-testid=pattern-row]").Count);
        var burst = panel.FindAll("[data-testid=pattern-row]").First(r => r.TextContent.Contains("/search?q=", StringComparison.Ordinal));
        Assert.Contains(burst.QuerySelectorAll("[data-testid=pattern-badge]"), b => b.TextContent == "bursting");
        await panel.Find("[data-testid=pattern-more]").ClickAsync(new MouseEventArgs());
        Assert.Equal(2 * PatternsPanel.PageRows, panel.FindAll("[data-testid=pattern-row]").Count);
    }

    [Fact]
    public async Task The_comparison_panel_lists_the_changes_and_the_entities_only_in_the_incident()
    {
        await using var context = ComponentContext.Create();
        var incident = PatternLogs.Behaviours;
        var baseline = await PatternLogs.RunAsync(await File.ReadAllTextAsync(ElasticLog.Path), "apache_access_elastic.log", new());
        var comparison = AnomalyStudio.Core.Pipeline.Comparison.FileComparer.Compare(baseline, incident);
        var panel = context.Render<ComparisonPanel>(p => p.Add(c => c.Comparison, comparison));

        Assert.Equal(comparison.Text, panel.Find("[data-testid=comparison-text]").TextContent);
        Assert.Contains(panel.FindAll("[data-testid=comparison-patterns] [data-testid=comparison-change]"), r => r.TextContent.Contains("POST /login", StringComparison.Ordinal) && r.TextContent.Contains("new", StringComparison.Ordinal));
        Assert.Contains(panel.FindAll("[data-testid=comparison-values] th[scope=row]"), h => h.TextContent == AnomalyStudio.Core.Samples.EntityScenarioInjector.BurstAgent);
        Assert.Equal(3, panel.FindAll("h3").Count);
    }
}

using AnomalyStudio.App.Components.Controls;
using AnomalyStudio.App.State;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Core.Spikes;
using AnomalyStudio.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components.Web;

namespace AnomalyStudio.Tests.App.Components;

/// <summary>bUnit tests of the entity, spike and time-range controls on the real Elastic log with known behaviours added.</summary>
public sealed class PopulationComponentTests
{
    private static readonly AnomalyStudio.Core.Pipeline.DetectionResult Result = EntityScenarioLog.Result;

    [Fact]
    public async Task The_entities_table_ranks_the_scanner_first_and_its_chips_report_toggles()
    {
        await using var context = ComponentContext.Create();
        var view = new EntitiesView(Result.Entities!, Result.Spikes!.Facets.Ticks);
        Action<EntitiesView>? change = null;
        var grid = context.Render<EntitiesGrid>(p => p.Add(c => c.View, view).Add(c => c.OnChange, (Action<EntitiesView> a) => change = a));

        grid.WaitForAssertion(() => Assert.Equal(EntityScenarioInjector.ScannerIp, grid.FindAll("[data-testid=entity-key]")[0].TextContent));
        Assert.Contains("scanner agent (nikto)", grid.FindAll("[data-testid=entity-explanation]")[0].TextContent);

        var normal = grid.Find("[data-testid=entity-chip-normal]");
        await normal.ClickAsync(new MouseEventArgs());
        change!(view);
        Assert.Equal(Result.Entities!.Counts.Anomalies, view.Count);
    }

    [Fact]
    public async Task The_heat_strip_has_a_row_per_top_entity_that_opens_it()
    {
        await using var context = ComponentContext.Create();
        var view = new EntitiesView(Result.Entities!, Result.Spikes!.Facets.Ticks);
        int? opened = null;
        var strip = context.Render<EntityHeatStrip>(p => p.Add(c => c.View, view).Add(c => c.Ticks, Result.Spikes!.Facets.Ticks).Add(c => c.OnSelect, (int e) => opened = e));

        var keys = strip.FindAll("[data-testid=heat-key]");
        Assert.Equal(10, keys.Count);
        Assert.Equal(EntityScenarioInjector.ScannerIp, keys[0].TextContent);
        await keys[0].ClickAsync(new MouseEventArgs());
        Assert.Equal(view.Indices[0], opened);
    }

    [Fact]
    public async Task The_spike_panel_lists_the_spikes_and_explains_the_chosen_one()
    {
        await using var context = ComponentContext.Create();
        var spikes = Result.Spikes!;
        Spike? chosen = null;
        var panel = context.Render<SpikePanel>(p => p.Add(c => c.Spikes, spikes).Add(c => c.OnSelect, (Spike s) => chosen = s));

        Assert.Equal(spikes.Spikes.Count, panel.FindAll("[data-testid=spike]").Count);
        await panel.FindAll("[data-testid=spike]")[0].ClickAsync(new MouseEventArgs());
        Assert.Same(spikes.Spikes[0], chosen);

        panel.Render(p => p.Add(c => c.Selected, chosen));
        Assert.Contains("Go-http-client/1.1", panel.Find("[data-testid=spike-why-text]").TextContent);
        Assert.Contains(panel.FindAll("[data-testid=spike-value]"), row => row.TextContent.Contains("503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keyboard_on_the_range_strip_picks_a_bucket_then_extends_to_another()
    {
        await using var context = ComponentContext.Create();
        TimeWindow? range = null;
        var bar = context.Render<TimeRangeBar>(p => p.Add(c => c.Result, Result).Add(c => c.RangeChanged, (TimeWindow? r) => range = r));

        var buckets = bar.FindAll("[data-testid=range-bucket]");
        Assert.Equal(60, buckets.Count);
        await buckets[10].ClickAsync(new MouseEventArgs { Detail = 0 }); // Enter on a focused button
        var single = range!.Value;
        await bar.FindAll("[data-testid=range-bucket]")[19].ClickAsync(new MouseEventArgs { Detail = 0, ShiftKey = true });
        Assert.Equal(single.Start, range!.Value.Start);
        Assert.Equal(10 * single.Length.Ticks, range.Value.Length.Ticks);

        bar.Render(p => p.Add(c => c.Range, range));
        Assert.Equal(10, bar.FindAll("[data-testid=range-bucket][aria-pressed=true]").Count);
        Assert.Contains("Range: ", bar.Find("[data-testid=range-text]").TextContent);
    }

    [Fact]
    public async Task The_view_tabs_raise_the_chosen_key_and_disable_a_view_with_nothing_to_show()
    {
        await using var context = ComponentContext.Create();
        string? shown = null;
        ViewTab[] tabs = [new("records", "Records (3)", true), new("entities", "Entities (none)", false), new("spikes", "Spikes (1)", true)];
        var bar = context.Render<ViewTabs>(p => p.Add(c => c.Tabs, tabs).Add(c => c.Selected, "records").Add(c => c.OnShow, (string tab) => shown = tab));

        Assert.Equal("true", bar.Find("[data-testid=tab-records]").GetAttribute("aria-selected"));
        Assert.True(bar.Find("[data-testid=tab-entities]").HasAttribute("disabled"));
        Assert.Equal("Spikes (1)", bar.Find("[data-testid=tab-spikes]").TextContent.Trim());
        await bar.Find("[data-testid=tab-spikes]").ClickAsync(new MouseEventArgs());
        Assert.Equal("spikes", shown);
    }

    [Fact]
    public async Task The_entities_panel_shows_the_chosen_entity_and_raises_its_closing()
    {
        await using var context = ComponentContext.Create();
        var view = new EntitiesView(Result.Entities!, Result.Spikes!.Facets.Ticks);
        var chosen = (int?)0;
        var panel = context.Render<EntitiesPanel>(p => p.Add(c => c.Result, Result).Add(c => c.View, view).Add(c => c.Ticks, Result.Spikes!.Facets.Ticks)
            .Add(c => c.SelectedEntity, 0).Add(c => c.OnSelectEntity, (int? e) => chosen = e));

        await panel.Find("[aria-label='Close the entity']").ClickAsync(new MouseEventArgs());

        Assert.Null(chosen);
    }

    [Fact]
    public async Task The_drawer_shows_the_records_entity_and_its_other_records()
    {
        await using var context = ComponentContext.Create();
        var scannerRecord = Enumerable.Range(0, Result.Records.Count).First(i => Result.Records.Identifier(i) == EntityScenarioInjector.ScannerIp);
        var drawer = context.Render<RecordDrawer>(p => p.Add(c => c.Result, Result).Add(c => c.Index, scannerRecord));

        var card = drawer.Find("[data-testid=entity-card]");
        Assert.Contains(EntityScenarioInjector.ScannerIp, card.TextContent);
        Assert.Contains("scanner agent (nikto)", drawer.Find("[data-testid=entity-card-explanation]").TextContent);
        Assert.Equal(EntityCard.Shown, drawer.FindAll("[data-testid=entity-record]").Count);
    }
}

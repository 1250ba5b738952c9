using AnomalyStudio.App.Components.Controls;
using AnomalyStudio.App.State;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.App.State;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Severity = AnomalyStudio.Core.Scoring.Severity;

namespace AnomalyStudio.Tests.App.Components;

/// <summary>bUnit tests of the dashboard's controls on real results.</summary>
public sealed class ComponentTests(SampleResults samples) : IClassFixture<SampleResults>
{
    private static BunitContext NewContext() => ComponentContext.Create();

    [Fact]
    public async Task Kpi_cards_show_totals_and_evaluation_when_there_are_labels()
    {
        await using var context = NewContext();

        var log = context.Render<KpiCards>(p => p.Add(c => c.Result, samples.Log));
        Assert.Equal("5,000", log.Find("[data-testid=kpi-total-value]").TextContent);
        Assert.Contains("Access log", log.Find("[data-testid=kpi-total]").TextContent, StringComparison.Ordinal); // the format it was read as, by its display name
        Assert.Equal(samples.Log.Summary.Anomalies.ToString("N0"), log.Find("[data-testid=kpi-anomalies-value]").TextContent);
        Assert.Equal($"{samples.Log.Summary.AnomalyPercent:0.##}%", log.Find("[data-testid=kpi-percent-value]").TextContent);
        Assert.Equal("Isolation Forest", log.Find("[data-testid=kpi-model-value]").TextContent);
        Assert.Empty(log.FindAll("[data-testid=kpi-auc]"));

        var table = context.Render<KpiCards>(p => p.Add(c => c.Result, samples.Table));
        Assert.Equal(samples.Table.Summary.RocAuc!.Value.ToString("0.000"), table.Find("[data-testid=kpi-auc-value]").TextContent);
    }

    [Fact]
    public async Task Filter_chips_show_counts_and_report_toggles()
    {
        await using var context = NewContext();
        var view = new ResultsView(samples.Log);
        Action<ResultsView>? change = null;

        var grid = context.Render<ResultsGrid>(p => p
            .Add(c => c.View, view)
            .Add(c => c.OnChange, (Action<ResultsView> a) => change = a));

        var high = grid.Find("[data-testid=chip-high]");
        Assert.Contains(samples.Log.Summary.SeverityCounts.High.ToString("N0"), high.TextContent);
        Assert.Equal("true", high.GetAttribute("aria-pressed"));

        await high.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        Assert.NotNull(change);
        change!(view);
        grid.Render(p => p.Add(c => c.View, view));
        Assert.DoesNotContain(Severity.High, view.Severities);
        Assert.Equal(samples.Log.Summary.Total - samples.Log.Summary.SeverityCounts.High, view.Count);
        Assert.Contains($"{view.Count:N0} shown", grid.Find("[data-testid=shown-count]").TextContent);
    }

    [Fact]
    public async Task Badges_name_the_severity_in_words_and_colour()
    {
        await using var context = NewContext();

        var badge = context.Render<SeverityBadge>(p => p.Add(c => c.Value, Severity.Critical));

        Assert.Equal("critical", badge.Find("span").TextContent);
        Assert.Contains(SeverityStyle.Hex(Severity.Critical), badge.Find("span").GetAttribute("style"));
    }

    [Fact]
    public async Task The_upload_panel_lists_unavailable_models_with_their_reason()
    {
        await using var context = NewContext();
        var models = new List<AnomalyStudio.Core.Models.ModelInfo>
        {
            new("isolation-forest", "Isolation Forest", true, null, SeverityThresholds.IsolationForestDefaults, []),
            new("autoencoder", "Autoencoder", false, "libtorch could not be loaded: GLIBCXX_3.4.32 not found", SeverityThresholds.AutoencoderDefaults, []),
        };

        var panel = context.Render<UploadPanel>(p => p.Add(c => c.Models, models).Add(c => c.MaxUploadBytes, 100L * 1024 * 1024));

        Assert.Contains("GLIBCXX_3.4.32", panel.Find("[data-testid=model-unavailable]").TextContent);
        Assert.Contains("up to 100 MB", panel.Markup);
        Assert.True(panel.Find("[data-testid=run]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_upload_panel_says_how_the_file_was_read_and_offers_the_format_under_advanced()
    {
        await using var context = NewContext();

        var panel = context.Render<UploadPanel>(p => p
            .Add(c => c.FileName, "Spark_2k.log")
            .Add(c => c.ReadAs, "Line log. Read as a line log (log4j header): 2,000 lines"));

        Assert.Contains("log4j header", panel.Find("[data-testid=read-as]").TextContent);
        Assert.Contains("Advanced: file format", panel.Find("[data-testid=advanced]").TextContent);
    }

    [Fact]
    public async Task The_drawer_shows_the_raw_line_fields_features_and_explanation()
    {
        await using var context = NewContext();
        var index = Enumerable.Range(0, samples.Log.Records.Count).First(i => samples.Log.Records.Severities[i] != Severity.Normal);

        var drawer = context.Render<RecordDrawer>(p => p.Add(c => c.Result, samples.Log).Add(c => c.Index, index));

        Assert.Equal(samples.Log.Records.Explanations[index], drawer.Find("[data-testid=drawer-explanation]").TextContent);
        Assert.Equal(File.ReadLines(AnomalyStudio.Tests.Support.TestData.Samples("sample_access.log")).ElementAt((int)samples.Log.Records.Line(index) - 1),
            drawer.Find("[data-testid=drawer-raw]").TextContent);
        Assert.Contains("bytes_zscore", drawer.Markup);
    }
}

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
    public async Task The_threshold_control_says_how_the_flag_was_chosen_and_raises_what_the_analyst_asks()
    {
        await using var context = NewContext();
        var asked = new List<FlagOverride?>();

        var control = context.Render<ThresholdControl>(p => p
            .Add(c => c.Result, samples.Table)
            .Add(c => c.OnChange, (FlagOverride? flag) => asked.Add(flag)));

        Assert.Equal(samples.Table.Threshold.Reason, control.Find("[data-testid=threshold-reason]").TextContent);
        Assert.Equal("a fixed distance", control.Find("[data-testid=threshold-method]").TextContent); // the sample results are scored in pretrained mode
        Assert.Equal(samples.Table.Threshold.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), control.Find("[data-testid=threshold-score]").TextContent);
        Assert.True(control.Find("[data-testid=threshold-reset]").HasAttribute("disabled"));

        control.Find("input[data-testid=threshold-top], [data-testid=threshold-top] input").Input("12");
        control.Find("[data-testid=threshold-top-apply]").Click();
        Assert.Equal(new FlagOverride { Top = 12 }, Assert.Single(asked));

        var moved = samples.Table.WithThreshold(new FlagOverride { Top = 12 }.Resolve(samples.Table.Records.Scores));
        control.Render(p => p.Add(c => c.Result, moved));
        Assert.Equal("top N", control.Find("[data-testid=threshold-method]").TextContent);
        control.Find("[data-testid=threshold-reset]").Click();
        Assert.Null(asked[^1]);
    }

    [Fact]
    public async Task The_histogram_names_the_flag_and_labels_bring_a_precision_recall_chart()
    {
        await using var context = NewContext();

        var histogram = context.Render<ScoreHistogram>(p => p.Add(c => c.Result, samples.Table));
        Assert.Contains($"({samples.Table.Summary.Anomalies:N0} of 223)", histogram.Find("[data-testid=score-histogram-summary]").TextContent, StringComparison.Ordinal);

        var curve = ChartData.PrecisionRecall(samples.Table);
        Assert.NotEmpty(curve);
        Assert.Equal(1.0, curve[^1].Recall);
        var chart = context.Render<PrecisionRecallChart>(p => p.Add(c => c.Result, samples.Table));
        Assert.Contains("recall", chart.Find("[data-testid=precision-recall-chart-summary]").TextContent, StringComparison.Ordinal);
        Assert.Empty(ChartData.PrecisionRecall(samples.Log));
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

    [Fact]
    public async Task The_drawer_shows_a_line_log_records_template()
    {
        await using var context = NewContext();
        var result = samples.LineLog;
        var index = Enumerable.Range(0, result.Records.Count).First(i => result.Records.Line(i) == 3); // "jk2_init() Found child 6725 in scoreboard slot 10"
        var template = result.Templates![index]!;

        var drawer = context.Render<RecordDrawer>(p => p.Add(c => c.Result, result).Add(c => c.Index, index));

        Assert.Equal(template.Id, drawer.Find("[data-testid=drawer-template-id]").TextContent.Trim());
        Assert.Equal("jk2_init() Found child <*> in scoreboard slot <*>", drawer.Find("[data-testid=drawer-template-text]").TextContent);
        Assert.Contains($"{template.Count:N0} records of the file share it", drawer.Find("[data-testid=drawer-template]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_drawer_shows_no_template_for_an_access_log()
    {
        await using var context = NewContext();

        var drawer = context.Render<RecordDrawer>(p => p.Add(c => c.Result, samples.Log).Add(c => c.Index, 0));

        Assert.Empty(drawer.FindAll("[data-testid=drawer-template]"));
    }
}

using System.Globalization;
using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Components.Controls;
using AnomalyStudio.App.Components.Pages;
using AnomalyStudio.App.Configuration;
using AnomalyStudio.App.State;
using AnomalyStudio.Tests.App.State;
using AnomalyStudio.Tests.Support;
using Bunit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Severity = AnomalyStudio.Core.Scoring.Severity;

namespace AnomalyStudio.Tests.App.Components;

/// <summary>What assistive technology gets from the controls: readable severity colours, charts with a name, a summary and a table twin, and the run announced.</summary>
public sealed class AccessibilityComponentTests(SampleResults samples) : IClassFixture<SampleResults>
{
    [Fact]
    public void Every_severity_text_has_at_least_4_5_to_1_contrast_on_its_fill()
    {
        foreach (var severity in SeverityStyle.Order)
        {
            var ratio = Contrast(SeverityStyle.TextOn(severity), SeverityStyle.Hex(severity));
            Assert.True(ratio >= 4.5, $"{severity}: {SeverityStyle.TextOn(severity)} on {SeverityStyle.Hex(severity)} is {ratio:0.00}:1");
        }
    }

    [Fact]
    public async Task The_severity_chart_has_a_name_a_summary_and_a_table_whose_buttons_filter_as_a_bar_click_does()
    {
        await using var context = ComponentContext.Create();
        var clicked = new List<Severity>();
        var counts = samples.Log.Summary.SeverityCounts;

        var chart = context.Render<SeverityChart>(p => p.Add(c => c.Result, samples.Log).Add(c => c.OnSeverityClicked, (Severity s) => clicked.Add(s)));

        var figure = chart.Find("figure[data-testid=severity-chart]");
        Assert.Equal("Records per severity", chart.Find($"#{figure.GetAttribute("aria-labelledby")}").TextContent);
        Assert.Equal(
            $"{counts.Critical:N0} critical, {counts.High:N0} high, {counts.Medium:N0} medium, {counts.Low:N0} low, {counts.Normal:N0} normal.",
            chart.Find($"#{figure.GetAttribute("aria-describedby")}").TextContent);
        Assert.Empty(chart.FindAll("table"));

        var toggle = chart.Find("[data-testid=chart-table-toggle]");
        Assert.Equal("false", toggle.GetAttribute("aria-pressed"));
        toggle.Click();
        Assert.Equal("true", chart.Find("[data-testid=chart-table-toggle]").GetAttribute("aria-pressed"));
        var rows = chart.FindAll("table tbody tr");
        Assert.Equal(5, rows.Count);
        Assert.Equal("Records per severity", chart.Find("table caption").TextContent);
        Assert.Equal(counts.Normal.ToString("N0", CultureInfo.InvariantCulture), rows[^1].QuerySelector("td")!.TextContent);

        chart.Find("[data-testid=chart-only-high]").Click();
        Assert.Equal([Severity.High], clicked);
    }

    [Fact]
    public async Task The_histogram_and_timeline_tables_hold_every_record_and_every_anomaly()
    {
        await using var context = ComponentContext.Create();

        var histogram = context.Render<ScoreHistogram>(p => p.Add(c => c.Result, samples.Log));
        histogram.Find("[data-testid=chart-table-toggle]").Click();
        Assert.Equal(samples.Log.Summary.Total, Column(histogram, 0).Sum());
        Assert.Contains("the flag at", histogram.Find("table tbody").TextContent, StringComparison.Ordinal);

        var timeline = context.Render<AnomalyTimeline>(p => p.Add(c => c.Result, samples.Log));
        Assert.StartsWith($"{samples.Log.Summary.Anomalies:N0} anomalies from ", timeline.Find("[data-testid=timeline-summary]").TextContent, StringComparison.Ordinal);
        timeline.Find("[data-testid=chart-table-toggle]").Click();
        Assert.Equal(samples.Log.Summary.Anomalies, Column(timeline, 0).Sum());
        Assert.Equal(samples.Log.Summary.Total, Column(timeline, 1).Sum());
    }

    [Fact]
    public async Task The_records_table_names_every_column_and_chips_say_whether_they_are_pressed()
    {
        await using var context = ComponentContext.Create();
        var view = new ResultsView(samples.Log);
        view.Toggle(Severity.Normal);

        var grid = context.Render<ResultsGrid>(p => p.Add(c => c.View, view));

        Assert.All(grid.FindAll("thead th"), th => Assert.False(string.IsNullOrWhiteSpace(th.TextContent)));
        Assert.Equal("false", grid.Find("[data-testid=chip-normal]").GetAttribute("aria-pressed"));
        Assert.Equal("true", grid.Find("[data-testid=chip-critical]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task The_status_region_says_the_run_then_its_counts_or_its_error()
    {
        using var test = new TestPipeline(sharedModels: true);
        var options = Options.Create(new AnomalyStudioOptions());
        using var session = new AnalysisSession(
            new DetectionAdmission(test.Pipeline, new DetectionGate(options), new ResultMemoryBudget(options), options), options, TimeProvider.System, NullLogger<AnalysisSession>.Instance);
        var announcer = new RunAnnouncer();
        var heard = new List<string>();
        session.Changed += () => heard.Add(announcer.Text(session));
        Assert.Equal("", announcer.Text(session));

        var sample = TestData.Samples("sample_access.log");
        await session.UploadAndRunAsync("sample_access.log", new FileInfo(sample).Length, _ => File.OpenRead(sample));

        var counts = session.Result!.Summary.SeverityCounts;
        Assert.Contains("Uploading sample_access.log…", heard);
        // The pipeline's stages are reported through Progress<T>, posted to the thread pool, and a report that arrives
        // after the run has ended is dropped by design: on a fast run the last stages may go unheard, the first do not.
        Assert.Contains(heard, h => h is "Reading the records…" or "Computing the features…" or "Training the model…" or "Scoring…");
        Assert.Equal(
            $"Scored sample_access.log: 5,000 records, {session.Result.Summary.Anomalies:N0} anomalies; {counts.Critical:N0} critical, {counts.High:N0} high, {counts.Medium:N0} medium, {counts.Low:N0} low, {counts.Normal:N0} normal.",
            announcer.Text(session));
        Assert.DoesNotContain(heard, h => h.Contains(" MB", StringComparison.Ordinal)); // stages, not every byte count

        await session.UploadAndRunAsync("empty.log", 0, _ => new MemoryStream());
        Assert.Equal("Error: " + session.Error, announcer.Text(session));
    }

    /// <summary>The numbers in a table twin's data column.</summary>
    private static IEnumerable<int> Column(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> chart, int column) =>
        chart.FindAll("table tbody tr").Select(r => int.Parse(r.QuerySelectorAll("td")[column].TextContent, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));

    /// <summary>WCAG 2.1's contrast ratio of two sRGB colours (#rrggbb).</summary>
    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }
}

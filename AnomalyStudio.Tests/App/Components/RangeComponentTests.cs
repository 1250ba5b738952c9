using AnomalyStudio.App.Components.Controls;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;
using Bunit;

namespace AnomalyStudio.Tests.App.Components;

/// <summary>The brushed time range filters the KPI cards and the spike list, on the real Elastic log with known behaviours added.</summary>
public sealed class RangeComponentTests
{
    private static readonly AnomalyStudio.Core.Pipeline.DetectionResult Result = EntityScenarioLog.Result;

    [Fact]
    public async Task The_kpi_cards_count_only_the_records_in_the_range()
    {
        await using var context = ComponentContext.Create();
        var window = Result.Spikes!.Spikes[0].Window; // the injected burst: some of its requests are flagged
        var inRange = Enumerable.Range(0, Result.Records.Count).Where(i => window.Contains(Result.Records.Timestamp(i)!.Value.UtcTicks)).ToList();
        var anomalies = inRange.Count(i => Result.Records.Severities[i] != Severity.Normal);

        var cards = context.Render<KpiCards>(p => p.Add(c => c.Result, Result));
        Assert.Equal(Result.Summary.Total.ToString("N0"), cards.Find("[data-testid=kpi-total-value]").TextContent);

        cards.Render(p => p.Add(c => c.Range, window));
        Assert.Equal(inRange.Count.ToString("N0"), cards.Find("[data-testid=kpi-total-value]").TextContent);
        Assert.Contains($"in the range, of {Result.Summary.Total:N0}", cards.Find("[data-testid=kpi-total]").TextContent);
        Assert.Equal(anomalies.ToString("N0"), cards.Find("[data-testid=kpi-anomalies-value]").TextContent);
        Assert.True(anomalies > 0 && anomalies < Result.Summary.Anomalies);
    }

    [Fact]
    public async Task Spikes_outside_the_range_are_marked_and_counted()
    {
        await using var context = ComponentContext.Create();
        var spikes = Result.Spikes!;
        var panel = context.Render<SpikePanel>(p => p.Add(c => c.Spikes, spikes).Add(c => c.Window, spikes.Spikes[0].Window));

        var items = panel.FindAll("[data-testid=spike]");
        Assert.Equal("false", items[0].GetAttribute("data-outside"));
        Assert.Contains(items.Skip(1), i => i.GetAttribute("data-outside") == "true" && i.TextContent.Contains("outside the range", StringComparison.Ordinal));
        Assert.StartsWith("1 of ", panel.Find("[data-testid=spikes-in-range]").TextContent);
    }
}

using AnomalyStudio.Core.Samples;
using AnomalyStudio.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace AnomalyStudio.Tests.EndToEnd;

/// <summary>The brushed time range filters everything in the real app: KPI cards, charts, spikes and patterns.</summary>
[Collection(BrowserTests.Name)]
public sealed class RangeDashboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_spikes_range_filters_the_kpis_the_charts_and_the_patterns_and_clearing_restores_them()
    {
        var page = await browser.OpenDashboardAsync();
        await browser.UploadBehavioursAsync(page);
        var total = EntityScenarioLog.Injected.Lines.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync(total);

        await page.GetByTestId("tab-spikes").ClickAsync();
        await page.GetByTestId("spike").First.ClickAsync();
        await Expect(page.GetByTestId("range-text")).ToContainTextAsync("20 May 2015 02:40–02:42 UTC");
        var burst = EntityScenarioInjector.BurstRequests.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync(burst);
        await Expect(page.GetByTestId("kpi-total")).ToContainTextAsync("in the range");
        // The chart's summary for screen readers ("0 critical, 84 high, …, 816 normal.") counts the range too.
        var severities = await page.GetByTestId("severity-chart-summary").TextContentAsync();
        Assert.Equal(EntityScenarioInjector.BurstRequests, severities!.TrimEnd('.').Split(", ").Sum(part =>
            int.Parse(part.Split(' ')[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture)));

        await page.GetByTestId("tab-patterns").ClickAsync();
        await Expect(page.GetByTestId("patterns-summary")).ToContainTextAsync($"in {burst} records in 20 May 2015 02:40–02:42 UTC");
        await Expect(page.GetByTestId("pattern-row").First).ToContainTextAsync("/search?q=");
        await Expect(page.GetByTestId("pattern-count").First).ToHaveTextAsync(burst);

        await page.GetByTestId("range-clear").ClickAsync();
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync(total);
        await Expect(page.GetByTestId("patterns-summary")).ToContainTextAsync($"in {total} records:");
    }
}

using AnomalyStudio.Core.Samples;
using AnomalyStudio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AnomalyStudio.Tests.EndToEnd;

/// <summary>
/// WCAG 2.1 AA in the real app: axe-core over every view (the empty page, Records, Entities, Spikes, the drawer) in
/// both themes, on a log with known entities and a burst, so every view has content to check.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_view_has_no_critical_serious_or_moderate_axe_violation(bool dark)
    {
        var path = Path.Combine(Path.GetTempPath(), $"elastic_with_behaviours-{Guid.NewGuid():N}.log");
        await File.WriteAllTextAsync(path, EntityScenarioLog.Injected.Text);
        try
        {
            var page = await browser.OpenDashboardAsync();
            if (dark)
            {
                await page.GetByTestId("theme-toggle").ClickAsync();
                await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to the light theme");
            }

            var violations = new List<string>();
            violations.AddRange(await AxeAudit.ViolationsAsync(page, "empty page"));

            await browser.UploadAsync(page, path);
            await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync(EntityScenarioLog.Injected.Lines.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            await Expect(page.GetByTestId("severity-chart").Locator(".main-svg").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("cell-score").First).ToBeVisibleAsync();
            violations.AddRange(await AxeAudit.ViolationsAsync(page, "Records"));

            // Every chart as its table twin, kept so for the other views too.
            var toggles = page.GetByTestId("chart-table-toggle");
            var charts = await toggles.CountAsync();
            Assert.True(charts >= 3, $"{charts} charts"); // severities, scores, timeline
            for (var i = 0; i < charts; i++)
            {
                await toggles.Nth(i).ClickAsync();
            }

            await Expect(page.GetByTestId("chart-table")).ToHaveCountAsync(charts);
            violations.AddRange(await AxeAudit.ViolationsAsync(page, "Records, the charts as tables"));

            await page.GetByTestId("tab-entities").ClickAsync();
            await page.GetByTestId("entity-open").First.ClickAsync();
            await Expect(page.GetByTestId("entity-card")).ToBeVisibleAsync();
            violations.AddRange(await AxeAudit.ViolationsAsync(page, "Entities"));

            await page.GetByTestId("tab-spikes").ClickAsync();
            await page.GetByTestId("spike").First.ClickAsync();
            await Expect(page.GetByTestId("spike-why-text")).ToBeVisibleAsync();
            violations.AddRange(await AxeAudit.ViolationsAsync(page, "Spikes"));

            await page.GetByTestId("tab-records").ClickAsync();
            await page.GetByTestId("cell-explanation").First.ClickAsync();
            await Expect(page.GetByTestId("drawer-raw")).ToBeVisibleAsync();
            violations.AddRange(await AxeAudit.ViolationsAsync(page, "drawer"));

            Assert.True(violations.Count == 0, $"{(dark ? "Dark" : "Light")} theme, {violations.Count} violations:\n{string.Join('\n', violations)}");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using AnomalyStudio.Core.Samples;
using AnomalyStudio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AnomalyStudio.Tests.EndToEnd;

/// <summary>
/// The Compare tab in the real app: the Elastic log with behaviours added against the real log as its baseline, and a range
/// of it brushed on the time strip against the rest.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CompareDashboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task Comparing_with_the_real_log_names_the_scanner_the_brute_forcer_and_the_burst()
    {
        var page = await browser.OpenDashboardAsync();
        await browser.UploadBehavioursAsync(page);

        await page.GetByTestId("tab-compare").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Compare with a baseline" })).ToBeVisibleAsync();
        await page.GetByLabel("Baseline file").SetInputFilesAsync(ElasticLog.Path);
        await Expect(page.GetByTestId("comparison-text")).ToContainTextAsync("against apache_access_elastic.log", new() { Timeout = 120_000 });
        var values = page.GetByTestId("comparison-values");
        await Expect(values).ToContainTextAsync(EntityScenarioInjector.ScannerIp);
        await Expect(values).ToContainTextAsync(EntityScenarioInjector.BruteForceIp);
        await Expect(values).ToContainTextAsync(EntityScenarioInjector.BurstAgent);
        await Expect(page.GetByTestId("comparison-entities").Locator("li").First).ToContainTextAsync("scanner agent (nikto)");
        Directory.CreateDirectory(Path.Combine(TestData.RepositoryRoot, "TestResults"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestData.RepositoryRoot, "TestResults", "dashboard-compare.png") });
    }

    [Fact]
    public async Task A_range_brushed_by_keyboard_around_the_behaviours_as_the_incident_names_them_against_the_rest()
    {
        var page = await browser.OpenDashboardAsync(1366, 1000);
        await browser.UploadBehavioursAsync(page);

        await page.GetByTestId("tab-compare").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Or compare time ranges of this file" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use the range as incident" })).ToBeDisabledAsync();

        // The strip's buckets, by keyboard: Enter on the bucket of the scanner's start, Shift+Enter on the burst's.
        var buckets = page.GetByTestId("range-bucket");
        var starts = (await buckets.EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('aria-label'))"))
            .Select(label => DateTime.ParseExact(label[..16], "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var first = starts.FindLastIndex(s => s <= EntityScenarioInjector.ScannerWindow.Start.UtcDateTime);
        var last = starts.FindLastIndex(s => s <= EntityScenarioInjector.BurstWindow.End.UtcDateTime);
        await buckets.Nth(first).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await buckets.Nth(last).FocusAsync();
        await page.Keyboard.PressAsync("Shift+Enter");
        await Expect(page.GetByTestId("compare-brushed")).ToContainTextAsync("Brushed range: 18 May 2015");

        await page.GetByRole(AriaRole.Button, new() { Name = "Use the range as incident" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("comparison-text")).ToContainTextAsync("against the rest of behaviours.log");
        await Expect(page.GetByTestId("compare-baseline-window")).ToContainTextAsync("the rest of the file");
        var values = page.GetByTestId("comparison-values");
        await Expect(values).ToContainTextAsync(EntityScenarioInjector.ScannerIp);
        await Expect(values).ToContainTextAsync(EntityScenarioInjector.BruteForceIp);
        await Expect(values).ToContainTextAsync(EntityScenarioInjector.BurstAgent);
        await Expect(page.GetByTestId("comparison-patterns")).ToContainTextAsync("POST /login");
        await Expect(page.GetByTestId("comparison-entities").Locator("li").First).ToContainTextAsync("scanner agent (nikto)");

        await page.GetByTestId("theme-toggle").ClickAsync();
        await ChartsRedrawnAsync(page);
        await page.Mouse.MoveAsync(700, 980); // away from the theme button's tooltip
        Directory.CreateDirectory(Path.Combine(TestData.RepositoryRoot, "TestResults"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestData.RepositoryRoot, "TestResults", "dashboard-compare-dark.png") });
    }

    /// <summary>A theme change redraws the three charts: waits until each has its title again, so the screenshot shows them.</summary>
    private static async Task ChartsRedrawnAsync(IPage page)
    {
        foreach (var chart in new[] { "severity-chart", "score-histogram", "timeline" })
        {
            await Expect(page.GetByTestId(chart).Locator(".main-svg .gtitle").First).ToBeVisibleAsync();
        }
    }
}

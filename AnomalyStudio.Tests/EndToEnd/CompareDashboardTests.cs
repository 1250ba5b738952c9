using AnomalyStudio.Core.Samples;
using AnomalyStudio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AnomalyStudio.Tests.EndToEnd;

/// <summary>The Compare tab in the real app: the Elastic log with behaviours added against the real log as its baseline.</summary>
[Collection(BrowserTests.Name)]
public sealed class CompareDashboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task Comparing_with_the_real_log_names_the_scanner_the_brute_forcer_and_the_burst()
    {
        var path = Path.Combine(Path.GetTempPath(), $"elastic_incident-{Guid.NewGuid():N}.log");
        await File.WriteAllTextAsync(path, EntityScenarioLog.Injected.Text);
        try
        {
            var page = await browser.OpenDashboardAsync();
            await browser.UploadAsync(page, path);
            await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync(EntityScenarioLog.Injected.Lines.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));

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
        finally
        {
            File.Delete(path);
        }
    }
}

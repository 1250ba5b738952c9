using AnomalyStudio.Core.Samples;
using AnomalyStudio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AnomalyStudio.Tests.EndToEnd;

/// <summary>Entities, spikes and the time range in the real app, driven by headless Chromium with the keyboard.</summary>
[Collection(BrowserTests.Name)]
public sealed class PopulationDashboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task Entities_spikes_and_a_time_range_are_reachable_by_keyboard_and_name_the_known_behaviours()
    {
        var page = await browser.OpenDashboardAsync();
        await browser.UploadBehavioursAsync(page);

        // Entities: reached with the keyboard, ranked with the scanner first.
        await page.GetByTestId("tab-entities").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("tab-entities")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.GetByTestId("entity-key").First).ToHaveTextAsync(EntityScenarioInjector.ScannerIp);
        await Expect(page.GetByTestId("entity-explanation").First).ToContainTextAsync("scanner agent (nikto)");
        await Expect(page.GetByTestId("heat-strip")).ToBeVisibleAsync();
        await page.GetByTestId("entity-open").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("entity-card-summary")).ToContainTextAsync("distinct URLs");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > window.innerHeight + 1"));

        // Spikes: the largest is the injected burst, explained by its agent.
        await page.GetByTestId("tab-spikes").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("spike").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("spike-why-text")).ToContainTextAsync(EntityScenarioInjector.BurstAgent);
        await Expect(page.GetByTestId("range-text")).ToContainTextAsync("20 May 2015 02:40–02:42 UTC");

        // The range filters the records table: only the burst's requests are left.
        await page.GetByTestId("tab-records").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("shown-count")).ToHaveTextAsync($"{EntityScenarioInjector.BurstRequests:N0} shown");

        // A bucket of the strip picked by keyboard sets a range of its own; clearing shows everything again.
        await page.GetByTestId("range-clear").ClickAsync();
        await Expect(page.GetByTestId("range-text")).ToContainTextAsync("All of the file");
        await page.GetByTestId("range-bucket").Nth(30).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("range-text")).ToContainTextAsync("Range: ");
        await Expect(page.GetByTestId("range-bucket").Nth(30)).ToHaveAttributeAsync("aria-pressed", "true");

        Directory.CreateDirectory(Path.Combine(TestData.RepositoryRoot, "TestResults"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestData.RepositoryRoot, "TestResults", "dashboard-entities.png") });
    }
}

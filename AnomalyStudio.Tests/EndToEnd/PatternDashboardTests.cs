using AnomalyStudio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AnomalyStudio.Tests.EndToEnd;

/// <summary>The Patterns tab in the real app, driven by headless Chromium: a real line log's templates, a click filters the records.</summary>
[Collection(BrowserTests.Name)]
public sealed class PatternDashboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_patterns_tab_lists_the_templates_and_a_click_or_an_exclusion_filters_the_records()
    {
        var page = await browser.OpenDashboardAsync();
        await browser.UploadAsync(page, TestData.Shared("logs", "Apache_2k.log"));
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("2,000");

        await page.GetByTestId("tab-patterns").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("tab-patterns")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Patterns" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("pattern-row")).ToHaveCountAsync(6);
        var top = page.GetByTestId("pattern-row").First;
        await Expect(top).ToContainTextAsync("Found child");
        await Expect(top.Locator("mark.pattern-param")).ToHaveCountAsync(2);
        await Expect(top.GetByTestId("pattern-count")).ToHaveTextAsync("836");
        Directory.CreateDirectory(Path.Combine(TestData.RepositoryRoot, "TestResults"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestData.RepositoryRoot, "TestResults", "dashboard-patterns.png") });
        await page.GetByTestId("theme-toggle").ClickAsync();
        await ChartsRedrawnAsync(page);
        await page.Mouse.MoveAsync(700, 740); // away from the theme button's tooltip
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestData.RepositoryRoot, "TestResults", "dashboard-patterns-dark.png") });
        await page.GetByTestId("theme-toggle").ClickAsync();

        // Excluding the top pattern hides its records; the filter is named in the records table too.
        await top.GetByTestId("pattern-exclude").ClickAsync();
        await Expect(top.GetByTestId("pattern-exclude")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByTestId("tab-records").ClickAsync();
        await Expect(page.GetByTestId("shown-count")).ToHaveTextAsync("1,164 shown");
        await Expect(page.GetByTestId("records-pattern-filter")).ToContainTextAsync("hiding");

        // A click on a pattern shows only its records, in the records tab.
        await page.GetByTestId("tab-patterns").ClickAsync();
        await page.GetByTestId("pattern-show").Nth(3).ClickAsync();
        await Expect(page.GetByTestId("tab-records")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.GetByTestId("shown-count")).ToHaveTextAsync("32 shown");
        await page.GetByTestId("records-pattern-clear").ClickAsync();
        await Expect(page.GetByTestId("shown-count")).ToHaveTextAsync("2,000 shown");
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

using AnomalyStudio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AnomalyStudio.Tests.EndToEnd;

/// <summary>"Mark as expected" end to end in headless Chromium: mark, see it rescored, export, undo, import.</summary>
[Collection(BrowserTests.Name)]
public sealed class FeedbackDashboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task Marking_a_client_as_expected_unflags_it_at_once_and_the_rule_is_exported_undone_and_imported()
    {
        var page = await browser.OpenDashboardAsync();
        await browser.UploadAsync(page, TestData.Samples("sample_access.log"));
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("5,000");
        await Expect(page.GetByTestId("rules-empty")).ToBeVisibleAsync();
        var own = await page.GetByTestId("kpi-anomalies-value").InnerTextAsync();

        await page.GetByPlaceholder("Search IP, URI, explanation…").FillAsync("sqlmap");
        await page.GetByTestId("cell-explanation").First.ClickAsync();
        await page.GetByTestId("record-drawer").GetByLabel("Mark this client as expected").ClickAsync();

        await Expect(page.GetByTestId("rule")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("rule")).ToContainTextAsync("client = ");
        await Expect(page.GetByTestId("drawer-explanation")).ToContainTextAsync("Expected: client = ");
        await Expect(page.GetByTestId("kpi-anomalies-value")).Not.ToHaveTextAsync(own);

        await page.GetByLabel("Close the details").ClickAsync();
        await Expect(page.GetByTestId("drawer-explanation")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "dashboard-expected.png");
        await page.GetByTestId("theme-toggle").ClickAsync();
        await ScreenshotAsync(page, "dashboard-expected-dark.png");
        await page.GetByTestId("theme-toggle").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("rules-export").ClickAsync());
        var exported = Path.Combine(Path.GetTempPath(), $"anomalystudio-rules-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(exported);
        try
        {
            Assert.Contains("\"field\": \"client\"", await File.ReadAllTextAsync(exported), StringComparison.Ordinal);

            await page.GetByTestId("rule-undo").ClickAsync();
            await Expect(page.GetByTestId("rules-empty")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("kpi-anomalies-value")).ToHaveTextAsync(own);

            await page.Locator("input[data-testid=rules-import]").SetInputFilesAsync(exported);
            await Expect(page.GetByTestId("rule")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("kpi-anomalies-value")).Not.ToHaveTextAsync(own);
        }
        finally
        {
            File.Delete(exported);
        }
    }

    /// <summary>The page with its rules panel in view and its charts drawn, for the README.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.GetByTestId("rules").ScrollIntoViewIfNeededAsync();
        await Expect(page.GetByTestId("timeline").Locator(".main-svg").First).ToBeVisibleAsync();
        await page.Mouse.MoveAsync(700, 740); // away from the theme button's tooltip
        Directory.CreateDirectory(Path.Combine(TestData.RepositoryRoot, "TestResults"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestData.RepositoryRoot, "TestResults", name) });
    }
}

using AnomalyStudio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AnomalyStudio.Tests.EndToEnd;

/// <summary>The dashboard under attack and under a bad network: hostile content stays text, the CSP holds, a dropped connection loses nothing.</summary>
[Collection(BrowserTests.Name)]
public sealed class HardeningTests(BrowserFixture browser)
{
    [Fact]
    public async Task Hostile_log_content_shows_as_text_and_runs_nothing_under_the_content_security_policy()
    {
        var page = await browser.OpenDashboardAsync();
        var path = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.log");
        await File.WriteAllTextAsync(path, HostileContent.AccessLog());
        try
        {
            await browser.UploadAsync(page, path);
            await Expect(page.GetByTestId("current-file")).ToContainTextAsync(Path.GetFileName(path));
        }
        finally
        {
            File.Delete(path);
        }

        await page.GetByPlaceholder("Search IP, URI, explanation…").FillAsync("10.66.6.6");
        await Expect(page.GetByTestId("cell-identifier")).ToHaveTextAsync(["10.66.6.6"]);
        await Expect(page.GetByTestId("cell-explanation").First).ToContainTextAsync("<script");
        await page.GetByTestId("cell-explanation").First.ClickAsync();
        await Expect(page.GetByTestId("drawer-raw")).ToContainTextAsync(HostileContent.Script);
        await Expect(page.GetByTestId("drawer-raw")).ToContainTextAsync(HostileContent.Template);

        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), "a payload from the log ran in the page");
        Assert.Equal(0, await page.Locator("img[src=x], [onerror]").CountAsync());
        // The charts, tables and drawer all drew under the policy: nothing the app needs was blocked.
        Assert.Empty(await BrowserFixture.CspViolationsAsync(page));
    }

    [Fact]
    public async Task A_dropped_connection_reconnects_to_the_same_circuit_and_keeps_the_results()
    {
        var page = await browser.OpenDashboardAsync();
        await browser.UploadAsync(page, TestData.Samples("sample_access.log"));
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("5,000");
        var anomalies = await page.GetByTestId("kpi-anomalies-value").InnerTextAsync();

        // Drop the circuit's connection as a network blip would; the page itself stays (no reload).
        await page.EvaluateAsync("() => { window.__samePage = true; window.__sockets.forEach(s => s.close()); }");
        await page.WaitForFunctionAsync(
            "() => window.__sockets.length >= 2 && window.__sockets[window.__sockets.length - 1].readyState === WebSocket.OPEN",
            null, new() { Timeout = 60_000 });

        // The server kept the circuit, so the results and the session's state are still there and still answer.
        await page.GetByTestId("chip-normal").ClickAsync();
        await Expect(page.GetByTestId("shown-count")).ToHaveTextAsync($"{anomalies} shown");
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("5,000");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "the page reloaded instead of reconnecting");
    }
}

using System.Text.Json;
using AnomalyStudio.App.Cli;
using AnomalyStudio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AnomalyStudio.Tests.EndToEnd;

/// <summary>The HTML report opened from disk in headless Chromium: written by the CLI and by the dashboard's export.</summary>
[Collection(BrowserTests.Name)]
public sealed class HtmlReportTests(BrowserFixture browser)
{
    /// <summary>Opens a report from disk, noting every URL the page asks for (a self-contained page asks for none but itself).</summary>
    private async Task<(IPage Page, List<string> Requests)> OpenFromDiskAsync(string path, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await browser.Browser.NewContextAsync(new() { ColorScheme = scheme, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        return (page, requests);
    }

    private static async Task AssertSelfContainedAsync(IPage page, List<string> requests, string path)
    {
        Assert.Equal([new Uri(path).AbsoluteUri], requests);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.scripts.length"));
        Assert.Equal(0, await page.Locator("[src], link[href]").CountAsync());
        Assert.True(await page.Locator("#charts svg").CountAsync() >= 3);
    }

    [Fact]
    public async Task The_clis_html_report_opens_from_disk_with_the_top_anomaly_first_and_hostile_content_inert()
    {
        using var scratch = new ScratchDirectory("html-report");
        var log = scratch.PathOf("hostile_access.log");
        await File.WriteAllTextAsync(log, HostileContent.AccessLog());
        var html = scratch.PathOf("report.html");
        var json = scratch.PathOf("top.json");
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.True(await CliApplication.RunAsync(["detect", log, "--mode", "fit", "--format", "html", "--out", html], output, error) == 0, error.ToString());
        Assert.True(await CliApplication.RunAsync(["detect", log, "--mode", "fit", "--format", "json", "--out", json, "--limit", "1"], output, error) == 0, error.ToString());
        using var top = JsonDocument.Parse(await File.ReadAllBytesAsync(json));
        var first = top.RootElement.GetProperty("records")[0];

        var (page, requests) = await OpenFromDiskAsync(html);
        await Expect(page).ToHaveTitleAsync("AnomalyStudio report: hostile_access.log");
        var row = page.Locator("#anomaly-1");
        await Expect(row).ToHaveAttributeAsync("data-line", first.GetProperty("line").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(row).ToContainTextAsync(AnomalyStudio.Core.Reporting.InertText.ForTerminal(first.GetProperty("explanation").GetString()!));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Top anomalies" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Patterns" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Top entities" })).ToBeVisibleAsync();

        // The payloads are on the page as text, and none of them ran.
        await Expect(page.Locator("#anomalies")).ToContainTextAsync(HostileContent.Script);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Equal(0, await page.Locator("#anomalies img, #anomalies b").CountAsync());
        await AssertSelfContainedAsync(page, requests, html);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_dashboards_export_is_an_html_report_that_opens_from_disk()
    {
        var page = await browser.OpenDashboardAsync();
        await browser.UploadAsync(page, TestData.Shared("logs", "Apache_2k.log"));
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("2,000");
        var anomalies = await page.GetByTestId("kpi-anomalies-value").TextContentAsync();
        // Records tied at the top score may be listed in any order of ties, so the top anomaly is found by its score.
        var topScore = await page.GetByTestId("cell-score").First.TextContentAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-html").ClickAsync());
        Assert.Equal("Apache_2k.report.html", download.SuggestedFilename);
        using var scratch = new ScratchDirectory("html-export");
        var path = scratch.PathOf(download.SuggestedFilename);
        await download.SaveAsAsync(path);

        var (report, requests) = await OpenFromDiskAsync(path);
        await Expect(report.Locator("#anomaly-1 td").Nth(4)).ToHaveTextAsync(topScore!.Trim());
        await Expect(report.Locator("#summary dd").Nth(1)).ToHaveTextAsync(anomalies!.Trim());
        await Expect(report.Locator("#patterns")).ToContainTextAsync("Found child");
        await AssertSelfContainedAsync(report, requests, path);
        await report.Context.CloseAsync();
    }

    [Fact]
    public async Task The_report_follows_a_dark_system_scheme_with_its_inline_style_alone()
    {
        using var scratch = new ScratchDirectory("html-dark");
        var log = scratch.PathOf("behaviours.log");
        await File.WriteAllTextAsync(log, EntityScenarioLog.Injected.Text);
        var html = scratch.PathOf("report.html");
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.True(await CliApplication.RunAsync(["detect", log, "--format", "html", "--out", html], output, error) == 0, error.ToString());

        const string Background = "() => getComputedStyle(document.body).backgroundColor";
        var (light, _) = await OpenFromDiskAsync(html);
        Assert.Equal("rgb(255, 255, 255)", await light.EvaluateAsync<string>(Background));
        await light.Context.CloseAsync();

        var (dark, requests) = await OpenFromDiskAsync(html, ColorScheme.Dark);
        Assert.Equal("rgb(23, 24, 28)", await dark.EvaluateAsync<string>(Background));
        Assert.Equal("rgb(232, 232, 232)", await dark.EvaluateAsync<string>("() => getComputedStyle(document.body).color"));
        await Expect(dark.Locator("#anomaly-1")).ToBeVisibleAsync();
        await AssertSelfContainedAsync(dark, requests, html);
        Directory.CreateDirectory(Path.Combine(TestData.RepositoryRoot, "TestResults"));
        await dark.ScreenshotAsync(new() { Path = Path.Combine(TestData.RepositoryRoot, "TestResults", "html-report-dark.png") });
        await dark.Context.CloseAsync();
    }
}

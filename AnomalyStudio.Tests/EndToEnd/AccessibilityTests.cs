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
        var page = await browser.OpenDashboardAsync();
        if (dark)
        {
            await page.GetByTestId("theme-toggle").ClickAsync();
            await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to the light theme");
            // The pointer leaves the toggle, so its tooltip is not caught by axe halfway through fading in.
            await page.Mouse.MoveAsync(700, 700);
            await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        }

        var violations = new List<string>();
        violations.AddRange(await AxeAudit.ViolationsAsync(page, "empty page"));

        await browser.UploadBehavioursAsync(page);
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

        await page.GetByTestId("tab-patterns").ClickAsync();
        await Expect(page.GetByTestId("pattern-row").First).ToBeVisibleAsync();
        violations.AddRange(await AxeAudit.ViolationsAsync(page, "Patterns"));

        await page.GetByTestId("tab-compare").ClickAsync();
        await Expect(page.GetByTestId("compare-view")).ToBeVisibleAsync();
        violations.AddRange(await AxeAudit.ViolationsAsync(page, "Compare"));

        await page.GetByTestId("tab-records").ClickAsync();
        await page.GetByTestId("cell-explanation").First.ClickAsync();
        await Expect(page.GetByTestId("drawer-raw")).ToBeVisibleAsync();
        violations.AddRange(await AxeAudit.ViolationsAsync(page, "drawer"));

        // A labelled table brings the ROC-AUC card and the precision-recall chart (and its table).
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("drawer-raw")).ToHaveCountAsync(0);
        await browser.UploadAsync(page, TestData.Samples("sample_metrics.csv"));
        await Expect(page.GetByTestId("kpi-auc")).ToBeVisibleAsync();
        await page.GetByTestId("precision-recall-chart").GetByTestId("chart-table-toggle").ClickAsync();
        await Expect(page.GetByTestId("precision-recall-chart").GetByTestId("chart-table")).ToBeVisibleAsync();
        violations.AddRange(await AxeAudit.ViolationsAsync(page, "Records of a labelled table"));

        // A metric over time brings the Series view: its chart against the typical band and its anomalous periods.
        await browser.UploadAsync(page, TestData.Shared("nab", "realAdExchange", "exchange-2_cpm_results.csv"));
        await page.GetByTestId("tab-series").ClickAsync();
        await Expect(page.GetByTestId("series-chart").First).ToBeVisibleAsync();
        violations.AddRange(await AxeAudit.ViolationsAsync(page, "Series"));

        Directory.CreateDirectory(Path.Combine(TestData.RepositoryRoot, "TestResults"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestData.RepositoryRoot, "TestResults", $"dashboard-axe-{(dark ? "dark" : "light")}.png") });
        Assert.True(violations.Count == 0, $"{(dark ? "Dark" : "Light")} theme, {violations.Count} violations:\n{string.Join('\n', violations)}");
    }

    [Fact]
    public async Task The_keyboard_alone_goes_from_the_upload_to_a_records_details_and_back()
    {
        var page = await browser.OpenDashboardAsync();

        // Tab to Browse…, open the file chooser with Enter and pick the sample log.
        await TabToAsync(page, "[data-testid=browse]");
        var chooser = page.WaitForFileChooserAsync();
        await page.Keyboard.PressAsync("Enter");
        await (await chooser).SetFilesAsync(TestData.Samples("sample_access.log"));

        // The run is announced with its counts, and focus lands on the results.
        var announcer = page.GetByTestId("announcer");
        await Expect(announcer).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Scored sample_access\\.log: 5,000 records, [0-9,]+ anomalies; [0-9,]+ critical, .* normal\\.$"));
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("5,000");
        await ExpectFocusAsync(page, "#results-title");
        await Expect(page.Locator("[data-testid=grid] thead th[aria-sort=descending]")).ToHaveTextAsync("Score"); // the sort, told to screen readers

        // The view tabs: one Tab stop, the arrow keys move between them and show each view.
        await page.GetByTestId("tab-records").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByTestId("tab-entities")).ToHaveAttributeAsync("aria-selected", "true");
        await ExpectFocusAsync(page, "[data-testid=tab-entities]");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.GetByTestId("tab-records")).ToHaveAttributeAsync("aria-selected", "true");
        await ExpectFocusAsync(page, "[data-testid=tab-records]");
        await page.GetByTestId("results-title").FocusAsync();

        // A severity bar's keyboard twin: the chart as a table, and its "Show only critical" filters the records.
        await TabToAsync(page, "[data-testid=severity-chart] [data-testid=chart-table-toggle]");
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "[data-testid=chart-only-critical]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("chip-critical")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByTestId("chip-normal")).ToHaveAttributeAsync("aria-pressed", "false");
        // The table has fetched the critical rows (their buttons are drawn anew) before the keyboard goes on.
        var grid = page.GetByTestId("grid");
        await Expect(grid.Locator("[data-severity]").First).ToHaveAttributeAsync("data-severity", "critical");
        await Expect(grid.Locator("[data-severity]:not([data-severity=critical])")).ToHaveCountAsync(0);

        // On to the first row's details button; Enter opens the drawer with focus on its heading.
        await TabToAsync(page, "button[aria-label^='Details of line']");
        if (!await FocusStaysAsync(page, "button[aria-label^='Details of line']"))
        {
            // The virtualised grid drew its rows anew under the focus (it fetches its window after a filter): go there again.
            await page.GetByTestId("results-title").FocusAsync();
            await TabToAsync(page, "button[aria-label^='Details of line']");
        }

        var opener = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')");
        await page.Keyboard.PressAsync("Enter");
        try
        {
            await Expect(page.GetByTestId("drawer-raw")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        }
        catch (PlaywrightException)
        {
            // Seen once in ~10 runs on a loaded machine: the press was lost while the grid redrew its window. A second
            // press on the same, still focused button must open it.
            await ExpectFocusAsync(page, $"button[aria-label='{opener}']");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("drawer-raw")).ToBeVisibleAsync();
        }

        await ExpectFocusAsync(page, "#drawer-title");
        await Expect(page.GetByTestId("drawer-title")).ToHaveTextAsync("Line " + opener.Replace("Details of line ", "", StringComparison.Ordinal));

        // The drawer is modal: a dialog to screen readers, and Tab cycles inside it. Shift+Tab from its heading goes to
        // its last control, Tab from there back to its first (the close button), and a walk of Tabs never leaves it.
        var drawer = page.GetByTestId("record-drawer");
        await Expect(drawer).ToHaveAttributeAsync("role", "dialog");
        await Expect(drawer).ToHaveAttributeAsync("aria-modal", "true");
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => { const d = document.querySelector('[data-testid=record-drawer]'); const all = [...d.querySelectorAll('button, a[href], input, [tabindex]:not([tabindex=\"-1\"])')].filter(e => e.getClientRects().length > 0); return document.activeElement === all[all.length - 1]; }"),
            "Shift+Tab from the drawer's heading did not go to its last control");
        await page.Keyboard.PressAsync("Tab");
        await ExpectFocusAsync(page, "[data-testid=record-drawer] button[aria-label='Close the details']");
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('[data-testid=record-drawer]').contains(document.activeElement)"), $"Tab {i + 1} left the open drawer");
        }

        // Escape closes it and focus goes back to the button that opened it.
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("drawer-raw")).ToHaveCountAsync(0);
        await ExpectFocusAsync(page, $"button[aria-label='{opener}']");
    }

    [Fact]
    public async Task At_400_percent_zoom_the_views_reflow_without_sideways_scrolling_and_pass_axe()
    {
        // 1366×768 at 400 %: a viewport of 342×192 CSS pixels.
        var page = await browser.OpenDashboardAsync(1366 / 4, 768 / 4);
        var problems = new List<string>();
        async Task CheckAsync(string where)
        {
            var (scrollWidth, width) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
            if (scrollWidth > width + 1)
            {
                problems.Add($"{where}: the page is {scrollWidth} px wide in a {width} px viewport");
            }

            problems.AddRange(await AxeAudit.ViolationsAsync(page, where));
        }

        await CheckAsync("empty page");
        await browser.UploadBehavioursAsync(page);
        await Expect(page.GetByTestId("cell-score").First).ToBeAttachedAsync();
        await CheckAsync("Records");

        await page.GetByTestId("tab-entities").ClickAsync();
        await page.GetByTestId("entity-open").First.ClickAsync();
        await Expect(page.GetByTestId("entity-card")).ToBeAttachedAsync();
        await CheckAsync("Entities");

        await page.GetByTestId("tab-spikes").ClickAsync();
        await page.GetByTestId("spike").First.ClickAsync();
        await Expect(page.GetByTestId("spike-why-text")).ToBeAttachedAsync();
        await CheckAsync("Spikes");

        await page.GetByTestId("tab-records").ClickAsync();
        await page.Locator("button[aria-label^='Details of line']").First.ClickAsync();
        await Expect(page.GetByTestId("drawer-raw")).ToBeVisibleAsync();
        await CheckAsync("drawer");

        Directory.CreateDirectory(Path.Combine(TestData.RepositoryRoot, "TestResults"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestData.RepositoryRoot, "TestResults", "dashboard-400-percent.png"), FullPage = true });
        Assert.True(problems.Count == 0, $"{problems.Count} problems at 400 %:\n{string.Join('\n', problems)}");
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/> (a keyboard user's only way there).</summary>
    private static async Task TabToAsync(IPage page, string selector, int most = 200)
    {
        for (var i = 0; i < most; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        var at = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        Assert.Fail($"{most} presses of Tab never reached {selector}; focus is on {at}");
    }

    /// <summary>Whether focus is still on <paramref name="selector"/> after a second (the page has settled).</summary>
    private static async Task<bool> FocusStaysAsync(IPage page, string selector)
    {
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(100);
            if (!await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task ExpectFocusAsync(IPage page, string selector)
    {
        for (var i = 0; i < 100 && !await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector); i++)
        {
            await Task.Delay(100);
        }

        var at = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        Assert.True(await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector), $"focus is not on {selector} but on {at}");
    }
}

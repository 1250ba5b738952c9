using AnomalyStudio.Tests.EndToEnd;
using AnomalyStudio.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AnomalyStudio.Tests.App.Scaling;

/// <summary>Headless Chromium in front of two servers behind HAProxy (deploy/haproxy.cfg), sharing Redis.</summary>
public sealed class ClusterBrowserFixture : BrowserFixture
{
    public HaproxyCluster Cluster { get; } = new();

    public override string ServerLog => Cluster.Logs;

    protected override async Task<Uri> StartTargetAsync()
    {
        await Cluster.InitializeAsync();
        return Cluster.ProxyAddress;
    }

    protected override Task StopTargetAsync() => Cluster.DisposeAsync();
}

/// <summary>The dashboard through the proxy: its circuit stays on one server, and when that server dies the page says what was lost.</summary>
[Collection(ScaleTests.Name)]
[Trait("Category", ScaleTests.Category)]
public sealed class ClusterDashboardTests(ClusterBrowserFixture browser, ITestOutputHelper output) : IClassFixture<ClusterBrowserFixture>
{
    /// <summary>Notes in the tab's sessionStorage (which survives the reload) that the reconnect dialog was shown.</summary>
    private const string RecordReconnectDialog = """
        (() => {
            const showModal = HTMLDialogElement.prototype.showModal;
            HTMLDialogElement.prototype.showModal = function () {
                if (this.id === 'components-reconnect-modal') sessionStorage.setItem('reconnect-dialog-shown', 'yes');
                return showModal.apply(this, arguments);
            };
        })();
        """;

    [Fact]
    public async Task A_dashboard_whose_server_dies_shows_the_reconnect_dialog_then_a_fresh_page_that_says_its_results_were_lost()
    {
        var page = await browser.OpenDashboardAsync();
        await page.Context.AddInitScriptAsync(RecordReconnectDialog);
        await page.EvaluateAsync(RecordReconnectDialog);
        await browser.UploadAsync(page, TestData.Samples("sample_access.log"));
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("5,000");

        // HAProxy's cookie names the server that holds this circuit (and its results).
        var holder = await ServerCookieAsync(page);
        var other = holder == "a" ? "b" : "a";
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await browser.Cluster.KillAsync(holder);

            // The circuit is gone with its server: the dialog, then a fresh page from the other server saying so.
            var lost = page.GetByTestId("results-lost");
            await Expect(lost).ToContainTextAsync("sample_access.log (5,000 records)", new() { Timeout = 90_000 });
            output.WriteLine($"server {holder} killed: the page said its results were lost, from server {other}, after {clock.Elapsed.TotalSeconds:F1} s");
            await Expect(lost).ToContainTextAsync($"on server {holder}");
            await Expect(lost).ToContainTextAsync("Upload the file again");
            Assert.Equal("yes", await page.EvaluateAsync<string?>("() => sessionStorage.getItem('reconnect-dialog-shown')"));
            Assert.Equal(other, await ServerCookieAsync(page));
            await Expect(page.GetByTestId("empty")).ToBeVisibleAsync();
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();

            // The page works on the other server: the same file again gives the same figures.
            await Expect(page.GetByTestId("interactive")).ToHaveTextAsync("True");
            await browser.UploadAsync(page, TestData.Samples("sample_access.log"));
            await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("5,000");
            await Expect(lost).ToHaveCountAsync(0); // new results make the notice stale

            // A reload on the same server is not a loss to report again.
            await page.ReloadAsync();
            await Expect(page.GetByTestId("interactive")).ToHaveTextAsync("True");
            await Expect(page.GetByTestId("results-lost")).ToHaveCountAsync(0);
        }
        finally
        {
            await page.Context.CloseAsync();
            await browser.Cluster.RestartAsync(holder);
        }
    }

    private static async Task<string> ServerCookieAsync(IPage page) =>
        (await page.Context.CookiesAsync()).Single(c => c.Name == "SRV").Value;
}

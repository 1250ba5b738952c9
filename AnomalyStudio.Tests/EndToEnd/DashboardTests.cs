using AnomalyStudio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AnomalyStudio.Tests.EndToEnd;

/// <summary>The dashboard end to end: the real app in its own process, driven by headless Debian Chromium.</summary>
[Collection(BrowserTests.Name)]
public sealed class DashboardTests(BrowserFixture browser)
{
    /// <summary>
    /// Chooses a file in the upload panel. The file input's script attaches just after the first interactive
    /// render, so on a cold server a file chosen in that instant can go unnoticed; a person never acts that fast,
    /// a test does, so it chooses again until the page reacts (progress, the file's name, or an error).
    /// </summary>
    private Task UploadAsync(IPage page, string path) => browser.UploadAsync(page, path);

    [Fact]
    public async Task Uploading_the_sample_log_shows_kpis_charts_and_rows_and_filters_by_severity()
    {
        var page = await browser.OpenDashboardAsync();
        await UploadAsync(page, TestData.Samples("sample_access.log"));

        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("5,000");
        await Expect(page.GetByTestId("kpi-auc")).ToHaveCountAsync(0); // a log has no label column
        await Expect(page.GetByTestId("severity-chart").Locator(".main-svg").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("cell-score").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("shown-count")).ToHaveTextAsync("5,000 shown");

        // The page fits one viewport: the table scrolls inside, not the page.
        var scrolls = await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > window.innerHeight + 1");
        Assert.False(scrolls);

        Directory.CreateDirectory(Path.Combine(TestData.RepositoryRoot, "TestResults"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestData.RepositoryRoot, "TestResults", "dashboard.png") });

        // Turning "normal" off leaves only the anomalies.
        var anomalies = await page.GetByTestId("kpi-anomalies-value").InnerTextAsync();
        await page.GetByTestId("chip-normal").ClickAsync();
        await Expect(page.GetByTestId("shown-count")).ToHaveTextAsync($"{anomalies} shown");
        await Expect(page.GetByTestId("chip-normal")).ToHaveAttributeAsync("aria-pressed", "false");

        // Search narrows further, and a row opens the drawer with the raw line.
        await page.GetByPlaceholder("Search IP, URI, explanation…").FillAsync("sqlmap");
        await Expect(page.GetByTestId("cell-explanation").First).ToContainTextAsync("sqlmap");
        await page.GetByTestId("cell-explanation").First.ClickAsync();
        await Expect(page.GetByTestId("drawer-raw")).ToContainTextAsync("sqlmap");
    }

    [Fact]
    public async Task A_table_shows_its_threshold_and_the_analyst_moves_it_by_keyboard_and_top_n()
    {
        var page = await browser.OpenDashboardAsync();
        await UploadAsync(page, TestData.Shared("tabular", "thyroid.csv"));

        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("3,772");
        await Expect(page.GetByTestId("threshold-method")).ToHaveTextAsync("the file's own split");
        await Expect(page.GetByTestId("threshold-reason")).ToContainTextAsync("upper group");
        await Expect(page.GetByTestId("precision-recall-chart")).ToBeVisibleAsync(); // thyroid has a label column
        var own = await page.GetByTestId("kpi-anomalies-value").InnerTextAsync();
        Directory.CreateDirectory(Path.Combine(TestData.RepositoryRoot, "TestResults"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestData.RepositoryRoot, "TestResults", "dashboard-threshold.png") });

        await page.GetByLabel("Number of records to flag").FillAsync("93");
        await page.GetByTestId("threshold-top-apply").ClickAsync();
        await Expect(page.GetByTestId("kpi-anomalies-value")).ToHaveTextAsync("93");
        await Expect(page.GetByTestId("threshold-method")).ToHaveTextAsync("top N");

        // The slider answers the keyboard: one step up flags fewer records.
        await page.GetByTestId("threshold-reset").ClickAsync();
        await Expect(page.GetByTestId("kpi-anomalies-value")).ToHaveTextAsync(own);
        var slider = page.GetByRole(AriaRole.Slider);
        await slider.FocusAsync();
        await slider.PressAsync("ArrowRight");
        await slider.PressAsync("ArrowRight");
        await Expect(page.GetByTestId("threshold-method")).ToHaveTextAsync("set by hand");
        Assert.True(int.Parse(await page.GetByTestId("kpi-anomalies-value").InnerTextAsync(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture)
            < int.Parse(own, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_new_upload_replaces_the_results_and_a_bad_file_shows_an_error_without_losing_them()
    {
        var page = await browser.OpenDashboardAsync();
        await UploadAsync(page, TestData.Samples("sample_access.log"));
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("5,000");

        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(bad, [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]);
        try
        {
            await UploadAsync(page, bad);
            await Expect(page.GetByTestId("error")).ToContainTextAsync("binary");
            await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("5,000");
            await Expect(page.GetByTestId("current-file")).ToContainTextAsync("sample_access.log");
        }
        finally
        {
            File.Delete(bad);
        }

        await UploadAsync(page, TestData.Samples("sample_metrics.csv"));
        await Expect(page.GetByTestId("current-file")).ToContainTextAsync("sample_metrics.csv");
        await Expect(page.GetByTestId("kpi-auc")).ToBeVisibleAsync(); // the CSV has a label column
        await Expect(page.GetByTestId("error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_panel_says_how_a_file_was_read_and_a_log_format_under_advanced_reads_it_again()
    {
        var page = await browser.OpenDashboardAsync();
        await UploadAsync(page, TestData.Shared("loghub", "Spark_2k.log"));
        await Expect(page.GetByTestId("read-as")).ToContainTextAsync("log4j header");
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("2,000");

        await page.GetByText("Advanced: file format").ClickAsync();
        var logFormat = page.GetByLabel("Log format (loghub notation)");
        await logFormat.FillAsync("<Date> <Time> <Level> <Component>: <Content>");
        await logFormat.PressAsync("Tab");
        await page.GetByTestId("run").ClickAsync();

        await Expect(page.GetByTestId("read-as")).ToContainTextAsync("header '<Date> <Time> <Level> <Component>: <Content>'");
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("2,000");
        await Expect(page.GetByTestId("error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Switching_the_model_reruns_the_same_file()
    {
        var page = await browser.OpenDashboardAsync();
        await UploadAsync(page, TestData.Samples("sample_metrics.csv"));
        await Expect(page.GetByTestId("kpi-model-value")).ToHaveTextAsync("Isolation Forest");

        await page.GetByTestId("model-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Autoencoder" }).ClickAsync();
        await page.GetByTestId("run").ClickAsync();

        await Expect(page.GetByTestId("kpi-model-value")).ToHaveTextAsync("Autoencoder");
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("5,000");
    }

    [Fact]
    public async Task Two_browser_contexts_see_only_their_own_results()
    {
        var first = await browser.OpenDashboardAsync();
        var second = await browser.OpenDashboardAsync();

        await UploadAsync(first, TestData.Samples("sample_access.log"));
        await Expect(first.GetByTestId("kpi-total-value")).ToHaveTextAsync("5,000");

        await Expect(second.GetByTestId("empty")).ToBeVisibleAsync();
        await UploadAsync(second, TestData.Samples("sample_metrics.csv"));
        await Expect(second.GetByTestId("current-file")).ToContainTextAsync("sample_metrics.csv");
        await Expect(first.GetByTestId("current-file")).ToContainTextAsync("sample_access.log");
    }

    [Fact]
    public async Task Fits_one_viewport_at_full_hd_too()
    {
        var page = await browser.OpenDashboardAsync(1920, 1080);
        await UploadAsync(page, TestData.Samples("sample_access.log"));
        await Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("5,000");

        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > window.innerHeight + 1"));
    }
}

/// <summary>Browser tests run on their own, after the parallel ones: a browser, a server and a busy 2-core machine make a slow mix.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

using System.Diagnostics;
using System.Globalization;
using AnomalyStudio.App.Admission;
using AnomalyStudio.Tests.EndToEnd;
using AnomalyStudio.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AnomalyStudio.Tests.Load;

/// <summary>
/// Many dashboard circuits, each holding a large result, stay responsive while the others are live: every circuit
/// uploads its own log, then all of them at once filter by severity, search, sort and scroll, and each action's
/// latency (the browser's action until the page shows its effect) is reported. Every circuit must answer every
/// action with the right figures; how fast is reported, not asserted. It runs in the browser collection to share its
/// headless Chromium and app server.
/// </summary>
[Collection(BrowserTests.Name)]
[Trait("Category", LoadTests.Category)]
public sealed class DashboardLoadTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    /// <summary>An action waits this long for its effect before the circuit counts as unresponsive.</summary>
    private const float ActionTimeout = 120_000;

    /// <summary>The element of the results grid that scrolls (found by its style: MudBlazor's markup is not ours).</summary>
    private const string Scroller = """
        (() => [...document.querySelectorAll('[data-testid=grid] *')]
            .find(e => e.scrollHeight > e.clientHeight + 10 && /(auto|scroll)/.test(getComputedStyle(e).overflowY)))()
        """;

    private readonly ScratchDirectory _directory = new("load");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Concurrent_circuits_holding_large_results_each_answer_filter_search_sort_and_scroll()
    {
        var scale = LoadScale.Current;
        var report = new LoadReport(output, $"dashboard: {scale.Circuits} circuits x {scale.CircuitRecords:N0} results");
        var pages = new List<IPage>();
        try
        {
            var (path, lines) = LoadLogs.OfLines(_directory.FullName, scale.CircuitRecords);
            var expected = await ExpectedAsync(path);
            var server = browser.Server.ProcessId;
            report.Line($"log {new FileInfo(path).Length / 1048576.0:0.0} MB, {lines:N0} lines, {expected.Anomalies:N0} anomalies; one result is about {LoadReport.Megabytes(expected.EstimatedBytes)} (ResultFootprint)");
            var before = ProcessMemory.ResidentBytes(server);

            for (var i = 0; i < scale.Circuits; i++)
            {
                pages.Add(await browser.OpenDashboardAsync());
            }

            var filter = new Latencies();
            var search = new Latencies();
            var sort = new Latencies();
            var scroll = new Latencies();
            var clock = Stopwatch.StartNew();
            await using (var sampler = new MemorySampler(server))
            {
                var loading = new Latencies();
                await Task.WhenAll(pages.Select(async page =>
                {
                    var started = clock.Elapsed;
                    await browser.UploadAsync(page, path);
                    await Assertions.Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync(expected.Total, new() { Timeout = 15 * 60_000 });
                    loading.Add(clock.Elapsed - started);
                }));
                var holding = ProcessMemory.ResidentBytes(server);
                report.Line($"upload and detection per circuit, all at once: {loading}");

                await Task.WhenAll(pages.Select(page => ExerciseAsync(page, expected, scale.Rounds, filter, search, sort, scroll)));
                report.Line($"severity filter (chip click until the count shows): {filter}");
                report.Line($"search (typing until the count shows, including the box's 300 ms debounce): {search}");
                report.Line($"sort (open the menu, choose, until the first row is the right one): {sort}");
                report.Line($"scroll (jump in the virtualised table until rows are drawn there): {scroll}");
                report.Line($"server resident set: {LoadReport.Megabytes(before)} before, {LoadReport.Megabytes(holding)} holding every result, peak {LoadReport.Megabytes(sampler.PeakResidentBytes)}");
            }

            // Every circuit still shows its own complete result.
            foreach (var page in pages)
            {
                await Assertions.Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync(expected.Total);
                await page.GetByTestId("clear").ClickAsync();
                await Assertions.Expect(page.GetByTestId("empty")).ToBeVisibleAsync();
            }

            report.Line($"server resident set after every circuit cleared its results: {LoadReport.Megabytes(ProcessMemory.ResidentBytes(server))} (the GC keeps freed memory for reuse)");
            Assert.Equal(scale.Circuits * scale.Rounds * 2, filter.Count);
            Assert.Equal(scale.Circuits * scale.Rounds * 2, search.Count);
        }
        finally
        {
            report.Flush();
            foreach (var page in pages)
            {
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>Rounds of sort, scroll, filter and search in one circuit; each waits for its visible effect.</summary>
    private static async Task ExerciseAsync(IPage page, Expected expected, int rounds, Latencies filter, Latencies search, Latencies sort, Latencies scroll)
    {
        var byTime = false;
        for (var round = 0; round < rounds; round++)
        {
            byTime = !byTime;
            await MeasureAsync(sort, async () =>
            {
                await ChooseSortAsync(page, byTime ? "Time, oldest first" : "Score, highest first");
                await WaitForAsync(page, byTime
                    ? "t => document.querySelector('[data-testid=grid] tbody tr.grid-row td')?.textContent.trim() === t"
                    : "s => document.querySelector('[data-testid=grid] [data-testid=cell-score]')?.textContent.trim() === s",
                    byTime ? expected.EarliestTime : expected.HighestScore);
            });

            foreach (var fraction in new[] { (round + 1.0) / (rounds + 1), 0 })
            {
                await MeasureAsync(scroll, async () =>
                {
                    await page.EvaluateAsync($"f => {{ const s = {Scroller}; s.scrollTop = (s.scrollHeight - s.clientHeight) * f; }}", fraction);
                    await WaitForAsync(page, $$"""
                        () => {
                            const s = {{Scroller}};
                            const box = s.getBoundingClientRect();
                            return [...s.querySelectorAll('[data-testid=cell-score]')].some(e => {
                                const r = e.getBoundingClientRect();
                                return r.top >= box.top && r.bottom <= box.bottom && e.textContent.trim().length > 0;
                            });
                        }
                        """, null);
                });
            }

            await MeasureAsync(filter, async () =>
            {
                await page.GetByTestId("chip-normal").ClickAsync();
                await WaitForShownAsync(page, expected.Anomalies);
            });
            await MeasureAsync(search, async () =>
            {
                await page.GetByPlaceholder("Search IP, URI, explanation…").FillAsync("sqlmap");
                await WaitForAsync(page, "n => { const t = document.querySelector('[data-testid=shown-count]')?.textContent.trim(); return t && t !== n; }", Shown(expected.Anomalies));
            });
            await MeasureAsync(search, async () =>
            {
                await page.GetByPlaceholder("Search IP, URI, explanation…").FillAsync(string.Empty);
                await WaitForShownAsync(page, expected.Anomalies);
            });
            await MeasureAsync(filter, async () =>
            {
                await page.GetByTestId("chip-normal").ClickAsync();
                await WaitForShownAsync(page, expected.Records);
            });
        }
    }

    /// <summary>
    /// Opens the sort menu and picks an option. On a loaded machine a click can land while the grid re-renders and
    /// the menu never opens; a person would click again, so the test does too, and the time counts.
    /// </summary>
    private static async Task ChooseSortAsync(IPage page, string option)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await page.GetByTestId("sort").ClickAsync();
            try
            {
                await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync(new() { Timeout = 15_000 });
                return;
            }
            catch (TimeoutException) when (clock.ElapsedMilliseconds < ActionTimeout)
            {
                await page.Keyboard.PressAsync("Escape");
            }
        }
    }

    private static async Task MeasureAsync(Latencies into, Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        into.Add(clock.Elapsed);
    }

    /// <summary>Waits for a condition in the page, checked on every animation frame (Playwright's expectations poll far less often, which would blur the figures).</summary>
    private static Task<IJSHandle> WaitForAsync(IPage page, string predicate, object? argument) =>
        page.WaitForFunctionAsync(predicate, argument, new() { Timeout = ActionTimeout, PollingInterval = null });

    private static Task<IJSHandle> WaitForShownAsync(IPage page, int count) =>
        WaitForAsync(page, "n => document.querySelector('[data-testid=shown-count]')?.textContent.trim() === n", Shown(count));

    private static string Shown(int count) => count.ToString("N0", CultureInfo.InvariantCulture) + " shown";

    /// <summary>What the dashboard must show for the log, from the same pipeline run in the test process.</summary>
    private static async Task<Expected> ExpectedAsync(string path)
    {
        using var pipeline = new TestPipeline(sharedModels: true);
        var result = await pipeline.RunFileAsync(path, AnomalyStudio.Core.Pipeline.DetectionMode.Auto);
        var records = result.Records;
        var earliest = Enumerable.Range(0, records.Count).Select(records.Timestamp).Min()!.Value;
        return new Expected(
            records.Count,
            result.Summary.Anomalies,
            records.Count.ToString("N0", CultureInfo.InvariantCulture),
            earliest.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            records.Scores.Max().ToString("0.000", CultureInfo.InvariantCulture),
            ResultFootprint.Of(result));
    }

    private sealed record Expected(int Records, int Anomalies, string Total, string EarliestTime, string HighestScore, long EstimatedBytes);
}

using AnomalyStudio.Tests.Support;
using Microsoft.Playwright;

namespace AnomalyStudio.Tests.EndToEnd;

/// <summary>
/// One app server and one headless Debian Chromium for the browser tests (never a downloaded browser). A derived
/// fixture may put something else in front of the browser (<see cref="StartTargetAsync"/>): servers behind a proxy.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public AppServer Server { get; private set; } = null!;

    /// <summary>Where the pages go: the server, or what a derived fixture put in front of the browser.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>What the servers wrote, for failure messages.</summary>
    public virtual string ServerLog => Server.Log;

    /// <summary>What the pages wrote to the browser console, for failure messages.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Console { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The first detection of a fresh server loads models and compiles code: give every expectation room on a busy 2-core machine.
        Assertions.SetDefaultExpectTimeout(60_000);
        Address = await StartTargetAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });

        // Warm the server up (first render, libtorch probe, model loading, JIT) before the tests time anything.
        var page = await OpenDashboardAsync();
        await UploadAsync(page, Support.TestData.Samples("sample_metrics.csv"));
        await Assertions.Expect(page.GetByTestId("kpi-total-value")).ToHaveTextAsync("5,000", new() { Timeout = 120_000 });
        await page.Context.CloseAsync();
    }

    /// <summary>Starts what the pages go to and answers its address: by default one app server.</summary>
    protected virtual async Task<Uri> StartTargetAsync()
    {
        Server = await AppServer.StartAsync();
        return Server.Address;
    }

    /// <summary>Stops what <see cref="StartTargetAsync"/> started.</summary>
    protected virtual async Task StopTargetAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>
    /// Runs in every page before its own scripts: records Content-Security-Policy violations (a policy too tight for
    /// the app, or something injected) and keeps the page's WebSockets, so a test can drop the circuit's connection.
    /// </summary>
    private const string Instrumentation = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' blocked ' + e.blockedURI));
        window.__sockets = [];
        const NativeWebSocket = window.WebSocket;
        window.WebSocket = class extends NativeWebSocket {
            constructor(...args) { super(...args); window.__sockets.push(this); }
        };
        """;

    /// <summary>The Content-Security-Policy violations the page has reported so far.</summary>
    public static async Task<IReadOnlyList<string>> CspViolationsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => window.__csp");

    /// <summary>A fresh browser context (its own cookies and circuit) on the dashboard, once it is interactive.</summary>
    public async Task<IPage> OpenDashboardAsync(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
        await context.AddInitScriptAsync(Instrumentation);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => Console.Enqueue($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => Console.Enqueue($"page error: {error}");
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(Address.ToString());
        // Clicks made before the SignalR circuit is live are lost: wait for the page to say it is interactive.
        try
        {
            await Assertions.Expect(page.GetByTestId("interactive")).ToHaveTextAsync("True", new() { Timeout = 60_000 });
        }
        catch (PlaywrightException ex)
        {
            throw new InvalidOperationException($"The page never became interactive. Browser console:\n{string.Join('\n', Console)}\nServer log:\n{ServerLog}", ex);
        }

        return page;
    }

    /// <summary>
    /// Uploads the real Elastic log with a scanner, a brute-forcer and a burst added (<see cref="EntityScenarioLog.Injected"/>),
    /// as <c>behaviours.log</c> from a scratch folder, and waits until the page shows its records scored.
    /// </summary>
    public async Task UploadBehavioursAsync(IPage page)
    {
        using var scratch = new ScratchDirectory("behaviours");
        var path = scratch.PathOf("behaviours.log");
        await File.WriteAllTextAsync(path, EntityScenarioLog.Injected.Text);
        await UploadAsync(page, path);
        await Assertions.Expect(page.GetByTestId("kpi-total-value"))
            .ToHaveTextAsync(EntityScenarioLog.Injected.Lines.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Chooses a file in the upload panel. The file input's script attaches just after the first interactive
    /// render, and a cold server answers its first upload slowly, so a file chosen in that instant can go
    /// unnoticed; a person never acts that fast, a test does, so it chooses again until the page reacts
    /// (progress, the file's name, or an error).
    /// </summary>
    public async Task UploadAsync(IPage page, string path)
    {
        var name = Path.GetFileName(path);
        var reacted = page.Locator($"[data-testid=progress], [data-testid=error], [data-testid=current-file]:has-text('{name}')");
        for (var load = 0; load < 3; load++)
        {
            for (var attempt = 0; attempt < 4; attempt++)
            {
                // MudFileUpload adds a fresh input after each choice; the last one is live (the rules panel's import is another input).
                await page.Locator("input[type=file]:not([data-testid=rules-import])").Last.SetInputFilesAsync(path);
                try
                {
                    await reacted.First.WaitForAsync(new() { Timeout = 5_000 });
                    return;
                }
                catch (TimeoutException)
                {
                }
            }

            // Still nothing: on a page that holds no results yet, start over with a fresh circuit.
            if (await page.GetByTestId("empty").CountAsync() == 0)
            {
                break;
            }

            Console.Enqueue($"no reaction to {name}: reloading the page");
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByTestId("interactive")).ToHaveTextAsync("True", new() { Timeout = 60_000 });
        }

        throw new InvalidOperationException($"The page did not react to choosing {name}. Browser console:\n{string.Join('\n', Console)}\nServer log:\n{ServerLog}");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await StopTargetAsync();
    }
}

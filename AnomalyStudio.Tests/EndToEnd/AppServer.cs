using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AnomalyStudio.App.Security;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.EndToEnd;

/// <summary>
/// The real app, started as its own process from its build output on a free loopback port, with the run's
/// shared pretrained models. Stopped as an operator stops it (SIGTERM, so it cleans up after itself) when disposed.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _log;

    private AppServer(Process process, Uri address)
    {
        _process = process;
        _log = ProcessOutput.Of(process);
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The server process, for memory figures (<c>/proc/&lt;id&gt;/status</c>).</summary>
    public int ProcessId => _process.Id;

    public string Log => _log.ToString();

    /// <summary>How the test tells the app where to listen: ASP.NET Core's standard ways.</summary>
    public enum ListenBy
    {
        UrlsOption,
        UrlsVariable,
        HttpPortsVariable,
    }

    /// <summary>Starts the app on <paramref name="port"/> (a free one when null: a restarted server takes its old port again).</summary>
    public static async Task<AppServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null, ListenBy listenBy = ListenBy.UrlsOption, int? port = null)
    {
        port ??= FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var binaries = Path.GetDirectoryName(typeof(AnomalyStudio.App.Cli.CliApplication).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = binaries,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(binaries, "AnomalyStudio.App.dll"));
        switch (listenBy)
        {
            case ListenBy.UrlsOption:
                start.ArgumentList.Add("--urls");
                start.ArgumentList.Add(address.ToString());
                break;
            case ListenBy.UrlsVariable:
                start.Environment["ASPNETCORE_URLS"] = address.ToString();
                break;
            default:
                start.Environment["ASPNETCORE_HTTP_PORTS"] = port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The test process points this at its own private directory; the app makes its own, not one nested in ours.
        start.Environment.Remove(PrivateTempDirectory.Variable);
        // A tab closed in the middle of a JS call holds its disconnect request until the call times out, and a graceful
        // stop waits for open requests up to this long (30 s by default) before the process exits and cleans up.
        start.Environment["DOTNET_shutdownTimeoutSeconds"] = "5";
        start.Environment["AnomalyStudio__ModelDirectory"] = SharedModels.Directory;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var server = new AppServer(process, address);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(new Uri(address, "/healthz"))).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"The app did not start on {address}:\n{server.Log}");
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Ends the server at once (SIGKILL), as a crash or the out-of-memory killer would: nothing of it runs after.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited && OperatingSystem.IsLinux())
        {
            // Ctrl+C or systemd's stop: the host shuts down and the process-exit handlers run.
            using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await terminate.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await KillAsync();
        _process.Dispose();
    }
}

using System.Net;
using System.Net.Sockets;
using AnomalyStudio.App;
using AnomalyStudio.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace AnomalyStudio.Tests.Load;

/// <summary>
/// The real web app (<see cref="WebApp.Build"/>) on real Kestrel on a loopback port, inside the test process, so a
/// load test can read the server's managed heap directly (<see cref="ProcessMemory.LiveManagedBytes"/>) rather than
/// only its resident set. Production environment, the run's shared pretrained models.
/// </summary>
public sealed class KestrelHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<KestrelHost> StartAsync(IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        string[] args =
        [
            "--urls", address.ToString(),
            "--environment", "Production",
            // The test host is the entry assembly; the app's static asset manifests carry the app's name.
            "--applicationName", "AnomalyStudio.App",
            "--contentRoot", AppContext.BaseDirectory,
        ];
        var app = WebApp.Build(args, builder => builder.Configuration.AddInMemoryCollection(
            [new KeyValuePair<string, string?>("AnomalyStudio:ModelDirectory", SharedModels.Directory), .. settings ?? []]));
        await app.StartAsync();
        return new KestrelHost(app, address);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

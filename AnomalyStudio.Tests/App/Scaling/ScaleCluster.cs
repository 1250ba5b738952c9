using AnomalyStudio.Tests.EndToEnd;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Scaling;

/// <summary>The proxy a cluster puts in front of its servers, each from the repository's sample configuration.</summary>
public enum ProxyKind
{
    /// <summary><c>deploy/haproxy.cfg</c>: a cookie HAProxy inserts names the server.</summary>
    HAProxy,

    /// <summary><c>deploy/nginx.conf</c>: <c>hash $cookie_anomalystudio_affinity consistent</c> on a cookie the app sets.</summary>
    Nginx,
}

/// <summary>
/// Two AnomalyStudio servers ("a" and "b") sharing one Redis and one fresh model directory, behind a proxy started from
/// the sample configuration in <c>deploy/</c>: everything on loopback ports, started by the test itself. A test that stops
/// a server starts it again on its port before it ends, so the next test finds the cluster whole.
/// </summary>
public abstract class ScaleCluster(ProxyKind proxy) : IAsyncLifetime
{
    /// <summary>The cookie the app sets for nginx to hash, as <c>deploy/nginx.conf</c> names it.</summary>
    public const string AffinityCookie = "anomalystudio_affinity";

    private readonly Dictionary<string, AppServer> _servers = [];
    private readonly Dictionary<string, int> _ports = [];
    private LoopbackService? _redis;
    private LoopbackService? _proxy;
    private string? _workDirectory;

    public ProxyKind Proxy { get; } = proxy;

    public Uri ProxyAddress { get; private set; } = null!;

    public int RedisPort => _redis!.Port;

    /// <summary>The model directory every server of the cluster shares, empty at the start.</summary>
    public string ModelDirectory => Path.Combine(_workDirectory!, "models");

    public AppServer this[string name] => _servers[name];

    public IEnumerable<AppServer> Servers => _servers.Values;

    public string Logs => string.Join("\n", _servers.Select(s => $"--- server {s.Key}\n{s.Value.Log}")) + $"\n--- proxy\n{_proxy?.Log}\n--- redis\n{_redis?.Log}";

    public async Task InitializeAsync()
    {
        _workDirectory = Directory.CreateTempSubdirectory("anomalystudio-scale-").FullName;
        Directory.CreateDirectory(ModelDirectory);
        _redis = await LoopbackService.StartRedisAsync();

        // Started together, as an operator's service manager would: the model store must cope with that.
        var started = await Task.WhenAll(StartServerAsync("a"), StartServerAsync("b"));
        _servers["a"] = started[0];
        _servers["b"] = started[1];
        _proxy = Proxy == ProxyKind.HAProxy ? await StartHaproxyAsync() : await StartNginxAsync();
        ProxyAddress = new Uri($"http://127.0.0.1:{_proxy.Port}");
    }

    /// <summary>Another server on the same Redis and model directory, outside the proxy.</summary>
    public Task<AppServer> StartServerAsync(string name) => StartServerAsync(name, null);

    /// <summary>Kills <paramref name="name"/> outright (SIGKILL), as a crash or the out-of-memory killer would.</summary>
    public Task KillAsync(string name) => _servers[name].KillAsync();

    /// <summary>Starts a killed server again on its port, so the proxy finds it where it was.</summary>
    public async Task RestartAsync(string name)
    {
        await _servers[name].DisposeAsync();
        _servers[name] = await StartServerAsync(name, _ports[name]);
    }

    private async Task<AppServer> StartServerAsync(string name, int? port)
    {
        var settings = new Dictionary<string, string>
        {
            ["AnomalyStudio__Redis"] = $"127.0.0.1:{RedisPort}",
            ["AnomalyStudio__InstanceName"] = name,
            ["AnomalyStudio__ModelDirectory"] = ModelDirectory,
            ["AnomalyStudio__AffinityCookie"] = Proxy == ProxyKind.Nginx ? AffinityCookie : "",
            // Each server its own data directory: only Redis and the model directory are shared.
            ["AnomalyStudio__DataDirectory"] = Path.Combine(_workDirectory!, "data-" + name),
        };
        var server = await AppServer.StartAsync(settings, port: port);
        lock (_ports)
        {
            _ports[name] = server.Address.Port;
        }

        return server;
    }

    private Task<LoopbackService> StartHaproxyAsync()
    {
        var port = AppServer.FreePort();
        return LoopbackService.StartAsync(
            "/usr/sbin/haproxy",
            ["-db", "-f", Path.Combine(TestData.RepositoryRoot, "deploy", "haproxy.cfg")],
            port,
            new Dictionary<string, string>
            {
                ["ANOMALYSTUDIO_PROXY"] = $"127.0.0.1:{port}",
                ["ANOMALYSTUDIO_A"] = this["a"].Address.Authority,
                ["ANOMALYSTUDIO_B"] = this["b"].Address.Authority,
            });
    }

    /// <summary>nginx cannot read the environment, so the sample's three ports are replaced by the cluster's.</summary>
    private async Task<LoopbackService> StartNginxAsync()
    {
        var port = AppServer.FreePort();
        var sample = await File.ReadAllTextAsync(Path.Combine(TestData.RepositoryRoot, "deploy", "nginx.conf"));
        var config = sample
            .Replace("127.0.0.1:5001", this["a"].Address.Authority, StringComparison.Ordinal)
            .Replace("127.0.0.1:5002", this["b"].Address.Authority, StringComparison.Ordinal)
            .Replace("127.0.0.1:8080", $"127.0.0.1:{port}", StringComparison.Ordinal);
        var prefix = Path.Combine(_workDirectory!, "nginx");
        Directory.CreateDirectory(prefix);
        var path = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(path, config);
        return await LoopbackService.StartAsync("/usr/sbin/nginx", ["-c", path, "-p", prefix, "-g", "daemon off;"], port);
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        await Task.WhenAll(_servers.Values.Select(s => s.DisposeAsync().AsTask()));
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        try
        {
            Directory.Delete(_workDirectory!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed class HaproxyCluster() : ScaleCluster(ProxyKind.HAProxy);

public sealed class NginxCluster() : ScaleCluster(ProxyKind.Nginx);

/// <summary>The scale tests run alone, after the parallel ones: each starts servers, a proxy and Redis of its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleTests
{
    public const string Name = "Scale";

    /// <summary>The trait the scale tests carry: <c>--filter Category=Scale</c> runs just them.</summary>
    public const string Category = "Scale";
}

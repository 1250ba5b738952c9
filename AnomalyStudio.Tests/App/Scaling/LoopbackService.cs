using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Scaling;

/// <summary>
/// A server from Debian (redis-server, haproxy, nginx) that a scale test starts itself in the foreground on a loopback
/// port, with its output kept for failure messages, and ends (SIGKILL: it holds nothing worth keeping) when disposed.
/// </summary>
public sealed class LoopbackService : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _log;

    private LoopbackService(Process process, int port)
    {
        _process = process;
        _log = ProcessOutput.Of(process);
        Port = port;
    }

    public int Port { get; }

    public string Log => _log.ToString();

    /// <summary>Starts <paramref name="executable"/> and waits until something accepts connections on <paramref name="port"/>.</summary>
    public static async Task<LoopbackService> StartAsync(string executable, IEnumerable<string> arguments, int port, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is not installed: the scale tests need it (scripts/setup.sh installs it with SETUP_PACKAGES, as ./test.sh does).");
        }

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var service = new LoopbackService(process, port);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return service;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await service.DisposeAsync();
        throw new InvalidOperationException($"{Path.GetFileName(executable)} did not listen on 127.0.0.1:{port}:\n{service.Log}");
    }

    /// <summary>Debian's redis-server on a loopback port (a free one when null), in memory only (nothing saved to disk).</summary>
    public static Task<LoopbackService> StartRedisAsync(int? port = null)
    {
        port ??= EndToEnd.AppServer.FreePort();
        return StartAsync(
            "/usr/bin/redis-server",
            ["--port", port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            port.Value);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

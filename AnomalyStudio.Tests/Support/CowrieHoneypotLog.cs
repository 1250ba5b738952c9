using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AnomalyStudio.Tests.Support;

/// <summary>
/// A Cowrie SSH honeypot's JSON log as Cowrie writes it (cowrie.json: one event per line with <c>eventid</c>,
/// <c>src_ip</c>, <c>session</c>, <c>timestamp</c>, <c>message</c>, <c>sensor</c>), generated from a seed: sessions
/// connect, send their client version, try passwords, a few log in and run commands, one downloads a file, and each
/// closes. Every event carries the sensor's constant <c>sensor_build_time</c> and its cumulative <c>bytes_total</c>
/// and <c>events_total</c> counters, as an exporter that stamps the sensor's state on each event would.
/// </summary>
public static class CowrieHoneypotLog
{
    public const string BuildTime = "2024-02-28T09:12:44Z";

    public static readonly DateTimeOffset Start = new(2024, 3, 11, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] Users = ["root", "admin", "ubuntu", "test", "oracle", "pi", "user", "git"];

    private static readonly string[] Passwords = ["123456", "password", "admin", "root", "12345678", "qwerty", "1234", "raspberry", "P@ssw0rd"];

    private static readonly string[] Commands = ["uname -a", "cat /proc/cpuinfo", "whoami", "free -m", "ls -la", "cd /tmp"];

    /// <summary>The log's lines; <paramref name="events"/> is about how many there are (whole sessions are written).</summary>
    public static string[] Lines(int events = 400, int seed = 20)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        var time = Start;
        long bytes = 0;
        long count = 0;
        for (var session = 0; lines.Count < events; session++)
        {
            var id = random.Next(0x1000000, 0x7FFFFFFF).ToString("x8", CultureInfo.InvariantCulture)[..8];
            var ip = $"{random.Next(1, 223)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";
            void Event(string eventId, string message, params (string Key, object Value)[] fields)
            {
                time = time.AddMilliseconds(random.Next(200, 9_000));
                bytes += random.Next(80, 400);
                count++;
                var record = new Dictionary<string, object>
                {
                    ["eventid"] = eventId,
                    ["src_ip"] = ip,
                    ["session"] = id,
                    ["timestamp"] = time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                    ["message"] = message,
                    ["sensor"] = "hp-eu-1",
                    ["sensor_build_time"] = BuildTime,
                    ["bytes_total"] = bytes,
                    ["events_total"] = count,
                };
                foreach (var (key, value) in fields)
                {
                    record[key] = value;
                }

                lines.Add(JsonSerializer.Serialize(record));
            }

            var port = random.Next(32_768, 61_000);
            Event("cowrie.session.connect", $"New connection: {ip}:{port} (10.0.0.5:2222) [session: {id}]", ("src_port", port), ("dst_port", 2222), ("protocol", "ssh"));
            Event("cowrie.client.version", "Remote SSH version: SSH-2.0-libssh2_1.9.0", ("version", "SSH-2.0-libssh2_1.9.0"));
            var tries = random.Next(1, 8);
            var success = random.Next(10) == 0;
            for (var t = 0; t < tries; t++)
            {
                var user = Users[random.Next(Users.Length)];
                var password = Passwords[random.Next(Passwords.Length)];
                var last = success && t == tries - 1;
                Event(last ? "cowrie.login.success" : "cowrie.login.failed", $"login attempt [{user}/{password}] {(last ? "succeeded" : "failed")}", ("username", user), ("password", password));
            }

            if (success)
            {
                foreach (var command in Commands.Take(random.Next(1, Commands.Length)))
                {
                    Event("cowrie.command.input", $"CMD: {command}", ("input", command));
                }

                if (session % 7 == 3)
                {
                    Event("cowrie.session.file_download", $"Downloaded URL (http://{ip}/x.sh) with SHA-256 {Sha(random)} to var/lib/cowrie/downloads/{Sha(random)}", ("url", $"http://{ip}/x.sh"));
                }
            }

            Event("cowrie.session.closed", $"Connection lost after {random.Next(2, 60)} seconds", ("duration", Math.Round(random.NextDouble() * 60, 1)));
        }

        return [.. lines];
    }

    public static string Text(int events = 400, int seed = 20) => string.Join('\n', Lines(events, seed)) + "\n";

    private static string Sha(Random random)
    {
        var text = new StringBuilder(64);
        for (var i = 0; i < 64; i++)
        {
            text.Append("0123456789abcdef"[random.Next(16)]);
        }

        return text.ToString();
    }
}

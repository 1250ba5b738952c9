using System.Globalization;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Core.Samples;

/// <summary>
/// Builds a "who and when" test from real traffic: adds three known behaviours to an access log (the real Elastic
/// example log in the shared data), each from documentation addresses (RFC 5737) so they can never be real clients,
/// merged in time order without touching a byte of the original lines:
/// <list type="bullet">
/// <item>a scanner: Nikto's user agent, 408 distinct probe URIs in 3 minutes, mostly 404;</item>
/// <item>a brute-force client: a browser's user agent (so only its behaviour gives it away), 300 POSTs to /login over
/// 25 minutes, answered 401 or 403;</item>
/// <item>a burst: 900 searches in 2 minutes from 25 addresses with Go's HTTP client, mostly answered 503.</item>
/// </list>
/// Every random choice (probe order, statuses, sizes, gaps) flows from the seed.
/// </summary>
public static class EntityScenarioInjector
{
    public const string ScannerIp = "203.0.113.66";
    public const string ScannerAgent = "Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:Port Check)";
    public const string BruteForceIp = "198.51.100.23";
    public const string BruteForceAgent = "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/42.0.2311.135 Safari/537.36";
    public const string LoginUri = "/login";
    public const string BurstNetwork = "192.0.2.";
    public const string BurstAgent = "Go-http-client/1.1";
    public const int BruteForceRequests = 300, BurstRequests = 900, BurstClients = 25;

    public static readonly TimeWindow ScannerWindow = new(At(2015, 5, 18, 3, 20), At(2015, 5, 18, 3, 23));
    public static readonly TimeWindow BruteForceWindow = new(At(2015, 5, 19, 14, 30), At(2015, 5, 19, 14, 55));
    public static readonly TimeWindow BurstWindow = new(At(2015, 5, 20, 2, 40), At(2015, 5, 20, 2, 42));

    private static readonly string[] ProbeFolders = ["", "/admin", "/backup", "/old", "/test", "/cgi-bin"];

    private static readonly string[] ProbeFiles =
    [
        "config.php", ".env", ".git/config", "phpinfo.php", "wp-config.php.bak", "server-status", "admin.php", "login.php", "db.sql",
        "backup.zip", "web.config", "shell.php", "setup.php", "install.php", "xmlrpc.php", "info.php", "test.php", "config.inc.php",
        "database.yml", "credentials.json", ".htpasswd", ".DS_Store", "dump.sql", "site.tar.gz", "www.zip", "config.json", "debug.log",
        "error.log", "access.log", "README.txt", "CHANGELOG.txt", "license.txt", "wp-login.php", "administrator/index.php", "manager/html",
        "jmx-console", "console", "actuator/env", "api/v1/users", "solr/admin", "phpmyadmin/index.php", "pma/index.php", "mysql/admin.php",
        "sqladmin.php", "webdav", "cgi-bin/test.cgi", "status", "stats", "cpanel", "plesk", "owa/auth/logon.aspx", "remote/login",
        "vpn/index.html", "portal.php", "upload.php", "uploads/", "files/", "tmp/", "temp/", "logs/", "private/", "secret/", "keys/",
        "id_rsa", "authorized_keys", "Dockerfile", "docker-compose.yml", "package.json",
    ];

    /// <summary>Every probe folder × probe file, each asked for once.</summary>
    public static int ScannerRequests => ProbeFolders.Length * ProbeFiles.Length;

    private static readonly string[] SearchWords = ["logstash", "kibana", "grok", "puppet", "xdotool", "ruby", "jls", "fpm", "nagios", "elasticsearch"];

    /// <summary>The injected log's lines and, per line, which behaviour it belongs to (null for an original line).</summary>
    public sealed record Injected(IReadOnlyList<string> Lines, string?[] Behaviours)
    {
        public string Text => string.Join('\n', Lines) + "\n";
    }

    public const string Scanner = "scanner", BruteForce = "brute-force", Burst = "burst";

    public static Injected Inject(IReadOnlyList<string> lines, int seed)
    {
        var random = new Random(seed);
        var added = new List<(long Ticks, string Line, string Behaviour)>();
        added.AddRange(ScannerLines(random).Select(x => (x.Ticks, x.Line, Scanner)));
        added.AddRange(BruteForceLines(random).Select(x => (x.Ticks, x.Line, BruteForce)));
        added.AddRange(BurstLines(random).Select(x => (x.Ticks, x.Line, Burst)));
        added.Sort((a, b) => a.Ticks.CompareTo(b.Ticks)); // stable enough: every behaviour's times are distinct and increasing

        var result = new List<string>(lines.Count + added.Count);
        var behaviours = new List<string?>(lines.Count + added.Count);
        var next = 0;
        foreach (var line in lines)
        {
            var time = TimeOf(line);
            while (next < added.Count && time is { } t && added[next].Ticks < t)
            {
                result.Add(added[next].Line);
                behaviours.Add(added[next].Behaviour);
                next++;
            }

            result.Add(line);
            behaviours.Add(null);
        }

        for (; next < added.Count; next++)
        {
            result.Add(added[next].Line);
            behaviours.Add(added[next].Behaviour);
        }

        return new Injected(result, [.. behaviours]);
    }

    private static IEnumerable<(long Ticks, string Line)> ScannerLines(Random random)
    {
        var probes = ProbeFolders.SelectMany(folder => ProbeFiles.Select(file => $"{folder}/{file}")).ToArray();
        random.Shuffle(probes);
        var step = ScannerWindow.Length.Ticks / ScannerRequests;
        for (var i = 0; i < probes.Length; i++)
        {
            var roll = random.NextDouble();
            var status = roll < 0.92 ? 404 : roll < 0.97 ? 403 : 200;
            var bytes = status == 200 ? random.Next(400, 9000) : random.Next(180, 320);
            var ticks = ScannerWindow.Start.UtcTicks + (i * step) + random.NextInt64(step / 2);
            yield return (ticks, Line(ScannerIp, ticks, "GET", probes[i], status, bytes, "-", ScannerAgent));
        }
    }

    private static IEnumerable<(long Ticks, string Line)> BruteForceLines(Random random)
    {
        var step = BruteForceWindow.Length.Ticks / BruteForceRequests;
        for (var i = 0; i < BruteForceRequests; i++)
        {
            var status = random.NextDouble() < 0.95 ? 401 : 403;
            var ticks = BruteForceWindow.Start.UtcTicks + (i * step) + random.NextInt64(step / 2);
            yield return (ticks, Line(BruteForceIp, ticks, "POST", LoginUri, status, random.Next(1180, 1320), "http://semicomplete.com/login", BruteForceAgent));
        }
    }

    private static IEnumerable<(long Ticks, string Line)> BurstLines(Random random)
    {
        var step = BurstWindow.Length.Ticks / BurstRequests;
        for (var i = 0; i < BurstRequests; i++)
        {
            var ip = BurstNetwork + (10 + random.Next(BurstClients)).ToString(CultureInfo.InvariantCulture);
            var uri = $"/search?q={SearchWords[random.Next(SearchWords.Length)]}+{random.Next(1000).ToString(CultureInfo.InvariantCulture)}";
            var status = random.NextDouble() < 0.85 ? 503 : 200;
            var ticks = BurstWindow.Start.UtcTicks + (i * step) + random.NextInt64(step / 2);
            yield return (ticks, Line(ip, ticks, "GET", uri, status, status == 503 ? random.Next(290, 330) : random.Next(4000, 12000), "-", BurstAgent));
        }
    }

    private static string Line(string ip, long ticks, string method, string uri, int status, int bytes, string referrer, string agent) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{ip} - - [{new DateTime(ticks, DateTimeKind.Utc):dd/MMM/yyyy:HH:mm:ss} +0000] \"{method} {uri} HTTP/1.1\" {status} {bytes} \"{referrer}\" \"{agent}\"");

    /// <summary>The UTC ticks of a combined-log line's time ("[17/May/2015:10:05:03 +0000]"), or null when it has none.</summary>
    private static long? TimeOf(string line)
    {
        var open = line.IndexOf('[');
        if (open < 0 || line.Length < open + 27 || line[open + 21] != ' '
            || !DateTime.TryParseExact(line.AsSpan(open + 1, 20), "dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var local)
            || !int.TryParse(line.AsSpan(open + 23, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(line.AsSpan(open + 25, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return null;
        }

        var offset = new TimeSpan(hours, minutes, 0) * (line[open + 22] == '-' ? -1 : 1);
        return (local - offset).Ticks;
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}

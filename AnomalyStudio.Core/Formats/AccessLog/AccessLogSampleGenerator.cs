using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace AnomalyStudio.Core.Formats.AccessLog;

/// <summary>
/// Writes a deterministic, realistic access log in combined log format for a small web shop: browsers and
/// crawlers fetching pages, assets and API calls with lifelike sizes and status codes, plus injected attacks
/// (SQL injection, path traversal, XSS, command injection, scanner probes, login brute force, data
/// exfiltration, bursts of server errors), each labelled in a ground-truth file.
/// </summary>
public sealed class AccessLogSampleGenerator(int seed = 42)
{
    private static readonly string[] Browsers =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    ];

    private static readonly string[] Products = ["lamp", "chair", "desk", "shelf", "rug", "mirror", "vase", "clock", "sofa", "stool"];

    private static readonly string[] Words = ["oak", "blue", "modern", "vintage", "small", "garden", "kids", "office", "led", "wool"];

    private static readonly (string Type, string Uri, string Agent)[] Attacks =
    [
        ("sql_injection", "/products?id=1'%20OR%20'1'='1", "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0"),
        ("sql_injection", "/search?q=1%20UNION%20SELECT%20username,password%20FROM%20users--", "sqlmap/1.8.11#stable (https://sqlmap.org)"),
        ("sql_injection", "/api/v1/items?sort=name;DROP%20TABLE%20orders", "sqlmap/1.8.11#stable (https://sqlmap.org)"),
        ("path_traversal", "/static/../../../../etc/passwd", "curl/8.5.0"),
        ("path_traversal", "/download?file=..%2f..%2f..%2f..%2fetc%2fshadow", "python-requests/2.32.3"),
        ("path_traversal", "/images/%252e%252e%252f%252e%252e%252fwin.ini", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
        ("xss", "/search?q=%3Cscript%3Ealert(document.cookie)%3C/script%3E", "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0"),
        ("xss", "/products?name=%3Cimg%20src=x%20onerror=alert(1)%3E", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"),
        ("command_injection", "/tools/ping?host=127.0.0.1;cat%20/etc/passwd", "curl/8.5.0"),
        ("command_injection", "/cgi-bin/status.cgi?cmd=$(id)", "Wget/1.21.4"),
        ("scanner", "/.env", "Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000001)"),
        ("scanner", "/wp-admin/setup-config.php", "Mozilla/5.0 zgrab/0.x"),
        ("scanner", "/phpmyadmin/index.php", "masscan/1.3 (https://github.com/robertdavidgraham/masscan)"),
        ("scanner", "/.git/config", "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)"),
        ("scanner", "/server-status", ""),
    ];

    /// <summary>Writes <paramref name="lines"/> lines to <paramref name="log"/> and, when given, "line,label,attack_type" rows to <paramref name="labels"/>.</summary>
    public void Write(TextWriter log, TextWriter? labels, int lines = 5_000, double attackShare = 0.04)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        var clients = Enumerable.Range(0, 400).Select(_ => ClientIp(random)).ToArray();
        var clientWeights = Enumerable.Range(1, clients.Length).Select(rank => 1.0 / Math.Pow(rank, 0.9)).ToArray();
        var clientPicker = new Categorical(clientWeights, random);
        var clientAgents = clients.Select(_ => Browsers[random.Next(Browsers.Length - 2)]).ToArray();
        var attackers = Enumerable.Range(0, 12).Select(_ => ClientIp(random)).ToArray();
        var time = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        var gap = new Exponential(lines > 0 ? 1.0 / Math.Max(0.05, 86_400.0 / Math.Max(lines, 1)) : 1, random);

        labels?.WriteLine("line,label,attack_type");
        var line = 0;
        while (line < lines)
        {
            time = time.AddSeconds(gap.Sample());
            if (random.NextDouble() < attackShare)
            {
                // Attacks come in short bursts from one source, as scanners and brute-forcers do.
                var burst = Math.Min(lines - line, 1 + random.Next(4));
                var attacker = attackers[random.Next(attackers.Length)];
                var kind = random.Next(Attacks.Length + 3);
                for (var b = 0; b < burst; b++)
                {
                    line++;
                    time = time.AddMilliseconds(200 + random.Next(800));
                    var (type, text) = AttackLine(random, kind, attacker, time);
                    log.WriteLine(text);
                    labels?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line},1,{type}"));
                }

                continue;
            }

            line++;
            var client = clientPicker.Sample();
            var agent = random.NextDouble() < 0.04 ? Browsers[^(1 + random.Next(2))] : clientAgents[client];
            log.WriteLine(NormalLine(random, clients[client], agent, time));
            labels?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line},0,"));
        }
    }

    private static string NormalLine(Random random, string ip, string agent, DateTimeOffset time)
    {
        var roll = random.NextDouble();
        var product = Products[random.Next(Products.Length)];
        var request = roll < 0.22 ? Page(random, product)
            : roll < 0.55 ? Asset(random, product)
            : roll < 0.80 ? ApiCall(random)
            : roll < 0.88 ? new Request($"/search?q={Words[random.Next(Words.Length)]}+{product}", LogNormal(random, 9.1, 0.4))
            : roll < 0.94 ? Post(random)
            : roll < 0.97 ? new Request(random.Next(2) == 0 ? "/blog/2026/11/autumn-collection" : "/about", LogNormal(random, 9.9, 0.3))
            : Mistake(random, product);
        if (random.NextDouble() < 0.01)
        {
            request = request with { Method = "HEAD", Bytes = 0 };
        }

        return Format(ip, time, request.Method, request.Uri, request.Status, request.Bytes, request.Referrer, agent);
    }

    /// <summary>One ordinary request of the shop's traffic: a GET from the home page with a 200 unless said otherwise.</summary>
    private sealed record Request(string Uri, long Bytes, int Status = 200, string Method = "GET", string Referrer = "https://shop.example.com/");

    private static Request Page(Random random, string product)
    {
        var uri = random.Next(3) switch { 0 => "/", 1 => "/products", _ => $"/products/{product}-{random.Next(1, 400)}" };
        return new Request(uri, LogNormal(random, 9.6, 0.35));
    }

    // Some assets are revalidated from the browser's cache: 304 with no body.
    private static Request Asset(Random random, string product)
    {
        var asset = random.Next(4);
        var uri = asset switch
        {
            0 => "/static/css/site.css",
            1 => "/static/js/app.js",
            2 => $"/images/{product}-{random.Next(1, 60)}.jpg",
            _ => "/favicon.ico",
        };
        var bytes = asset switch { 0 => 24_310, 1 => 88_412, 2 => LogNormal(random, 11.2, 0.5), _ => 1_150 };
        return random.NextDouble() < 0.15 ? new Request(uri, 0, Status: 304) : new Request(uri, bytes);
    }

    // A rare server error among the API calls, which the product pages make.
    private static Request ApiCall(Random random)
    {
        var uri = random.Next(3) switch
        {
            0 => $"/api/v1/items?page={random.Next(1, 30)}",
            1 => $"/api/v1/items/{random.Next(1, 5000)}",
            _ => "/api/v1/cart",
        };
        var bytes = LogNormal(random, 7.4, 0.6);
        return random.NextDouble() < 0.003
            ? new Request(uri, 312, Status: 500, Referrer: "https://shop.example.com/products")
            : new Request(uri, bytes, Referrer: "https://shop.example.com/products");
    }

    // Some logins fail with a wrong password.
    private static Request Post(Random random)
    {
        var uri = random.Next(2) == 0 ? "/api/v1/cart" : "/login";
        var bytes = LogNormal(random, 6.2, 0.4);
        return new Request(uri, bytes, Status: uri == "/login" && random.NextDouble() < 0.08 ? 401 : 200, Method: "POST");
    }

    // Ordinary mistakes: stale links, redirects of old pages, crawler fetches.
    private static Request Mistake(Random random, string product) => random.Next(4) switch
    {
        0 => new Request($"/products/{product}-{random.Next(900, 999)}", 1_024L, Status: 404),
        1 => new Request("/old-catalogue", 0L, Status: 301),
        2 => new Request("/robots.txt", 68L),
        _ => new Request("/sitemap.xml", LogNormal(random, 9.0, 0.2)),
    };

    private static (string Type, string Line) AttackLine(Random random, int kind, string ip, DateTimeOffset time)
    {
        if (kind < Attacks.Length)
        {
            var (type, uri, agent) = Attacks[kind];
            var status = type == "scanner" ? (random.Next(3) == 0 ? 403 : 404) : random.Next(4) switch { 0 => 500, 1 => 403, _ => 200 };
            return (type, Format(ip, time, "GET", uri, status, status == 200 ? LogNormal(random, 8.0, 0.5) : 512, "-", agent));
        }

        return (kind - Attacks.Length) switch
        {
            0 => ("brute_force", Format(ip, time, "POST", "/login", 401, 96, "-", "python-requests/2.32.3")),
            1 => ("exfiltration", Format(ip, time, "GET", "/api/v1/export?table=customers&all=true", 200, 40_000_000 + random.Next(20_000_000), "-", "curl/8.5.0")),
            _ => ("server_errors", Format(ip, time, random.Next(2) == 0 ? "DELETE" : "PUT", $"/api/v1/orders/{random.Next(1, 9999)}", 500 + random.Next(4), 0, "-", "")),
        };
    }

    private static string Format(string ip, DateTimeOffset time, string method, string uri, int status, long bytes, string referrer, string agent) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{ip} - - [{time:dd/MMM/yyyy:HH:mm:ss} +0000] \"{method} {uri} HTTP/1.1\" {status} {(bytes == 0 ? "-" : bytes.ToString(CultureInfo.InvariantCulture))} \"{referrer}\" \"{agent}\"");

    private static long LogNormal(Random random, double mu, double sigma) =>
        (long)Math.Round(Math.Exp(mu + (sigma * Normal.Sample(random, 0, 1))));

    private static string ClientIp(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"{random.Next(11, 223)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}");
}

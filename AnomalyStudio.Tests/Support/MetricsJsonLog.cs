using System.Globalization;

namespace AnomalyStudio.Tests.Support;

/// <summary>
/// A monitoring agent's JSON-lines metrics log, one scrape every 15 s, as a Prometheus exporter's samples written to
/// a file look: the time as epoch milliseconds (<c>ts</c>), the process's <c>startTime</c> (the same on every scrape until it restarts), the cumulative
/// counters <c>requests_total</c> (about 50 requests a scrape) and <c>errors_total</c> (one error in about four scrapes), and the gauges
/// <c>cpu_percent</c> and <c>memory_bytes</c>. One scrape, <see cref="BurstRecord"/>, has a real burst of
/// <see cref="BurstRequests"/> requests; the process restarts at <see cref="RestartRecord"/>, so its counters start again from 0.
/// </summary>
public static class MetricsJsonLog
{
    public const int Records = 500;

    /// <summary>0-based record of the burst.</summary>
    public const int BurstRecord = 300;

    public const int BurstRequests = 412;

    /// <summary>The median growth of <c>requests_total</c> per scrape.</summary>
    public const int TypicalRequests = 50;

    /// <summary>0-based record after the restart (its counters hold what the new process counted since).</summary>
    public const int RestartRecord = 420;

    public const string StartTime = "2024-05-01T00:00:03Z", RestartTime = "2024-05-01T01:44:58Z";

    public static readonly DateTimeOffset Start = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Text(int seed = 7)
    {
        var random = new Random(seed);
        var lines = new System.Text.StringBuilder();
        long requests = 0, errors = 0;
        var started = StartTime;
        for (var i = 0; i < Records; i++)
        {
            if (i == RestartRecord)
            {
                requests = 0;
                errors = 0;
                started = RestartTime;
            }

            // About 50 requests a scrape (45 to 55) and an error in about one scrape of four; memory and CPU are noise.
            requests += i == BurstRecord ? BurstRequests : 45 + random.Next(11);
            errors += random.Next(4) == 0 ? 1 : 0;
            var cpu = 20 + (random.NextDouble() * 6);
            var memory = 512_000_000 + random.Next(-4_000_000, 4_000_000);
            var ts = Start.AddSeconds(15 * i).ToUnixTimeMilliseconds();
            lines.Append(CultureInfo.InvariantCulture,
                $"{{\"ts\":{ts},\"startTime\":\"{started}\",\"job\":\"api\",\"instance\":\"api-1:9100\",\"requests_total\":{requests},\"errors_total\":{errors},\"cpu_percent\":{cpu:0.00},\"memory_bytes\":{memory}}}\n");
        }

        return lines.ToString();
    }
}

using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace AnomalyStudio.Core.Formats;

/// <summary>
/// Writes a deterministic CSV of per-minute service metrics (timestamp, host, service, region, CPU, memory,
/// latency, request rate, error rate, disk I/O) with daily load cycles and correlated columns, plus injected
/// outliers (CPU runaway, memory leak, error storm, traffic drop, latency spike, an unknown process on a
/// host, bursts of missing values). The <c>label</c> column is the ground truth, <c>anomaly_type</c> says which.
/// </summary>
public sealed class MetricsSampleGenerator(int seed = 42)
{
    private static readonly string[] Hosts = ["web-01", "web-02", "web-03", "web-04", "api-01", "api-02", "db-01", "db-02", "cache-01", "batch-01"];

    private static readonly string[] Services = ["checkout", "catalog", "search", "auth", "payments"];

    private static readonly string[] Regions = ["eu-west", "eu-central", "us-east"];

    public const string Header = "timestamp,host,service,region,cpu_pct,mem_pct,latency_ms,requests_per_s,error_rate,disk_io_mb,label,anomaly_type";

    public void Write(TextWriter csv, int rows = 5_000, double anomalyShare = 0.03)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        var start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        csv.WriteLine(Header);
        for (var i = 0; i < rows; i++)
        {
            var time = start.AddMinutes(i);
            var host = random.Next(Hosts.Length);
            var service = Services[(host + random.Next(2)) % Services.Length];
            var region = Regions[host % Regions.Length];
            var daily = 0.5 + (0.5 * Math.Sin((time.TimeOfDay.TotalHours - 8) / 24 * 2 * Math.PI));
            var requests = Math.Max(1, 120 + (380 * daily) + Normal.Sample(random, 0, 25));
            var cpu = Math.Clamp(12 + (requests * 0.11) + Normal.Sample(random, 0, 4), 1, 95);
            var mem = Math.Clamp(48 + Normal.Sample(random, 0, 5), 20, 90);
            var latency = Math.Max(5, 40 + (cpu * 1.6) + Normal.Sample(random, 0, 12));
            var errors = Math.Clamp(0.004 + Normal.Sample(random, 0, 0.002), 0, 1);
            var disk = Math.Max(0, 6 + (requests * 0.02) + Normal.Sample(random, 0, 2));
            string?[] cells = [Round(cpu, 1), Round(mem, 1), Round(latency, 0), Round(requests, 1), Round(errors, 4), Round(disk, 2)];
            var type = string.Empty;

            if (random.NextDouble() < anomalyShare)
            {
                switch (random.Next(7))
                {
                    case 0:
                        type = "cpu_runaway";
                        cells[0] = Round(97 + (random.NextDouble() * 3), 1);
                        cells[2] = Round(latency * (4 + random.NextDouble() * 4), 0);
                        break;
                    case 1:
                        type = "memory_leak";
                        cells[1] = Round(96 + (random.NextDouble() * 3.5), 1);
                        cells[4] = Round(0.05 + (random.NextDouble() * 0.1), 4);
                        break;
                    case 2:
                        type = "error_storm";
                        cells[4] = Round(0.25 + (random.NextDouble() * 0.5), 4);
                        cells[2] = Round(latency * 3, 0);
                        break;
                    case 3:
                        type = "traffic_drop";
                        cells[3] = Round(random.NextDouble() * 2, 1);
                        cells[0] = Round(2 + random.NextDouble(), 1);
                        cells[5] = Round(0, 2);
                        break;
                    case 4:
                        type = "latency_spike";
                        cells[2] = Round(2_500 + (random.NextDouble() * 5_000), 0);
                        break;
                    case 5:
                        type = "unknown_process";
                        service = "xmrig-miner";
                        cells[0] = Round(88 + (random.NextDouble() * 10), 1);
                        cells[5] = Round(disk * 6, 2);
                        break;
                    default:
                        type = "telemetry_gap";
                        cells[0] = null;
                        cells[1] = null;
                        cells[2] = null;
                        cells[3] = null;
                        break;
                }
            }

            csv.Write(time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            csv.Write(',');
            csv.Write(Hosts[host]);
            csv.Write(',');
            csv.Write(service);
            csv.Write(',');
            csv.Write(region);
            foreach (var cell in cells)
            {
                csv.Write(',');
                csv.Write(cell ?? "NA");
            }

            csv.Write(type.Length > 0 ? ",1," : ",0,");
            csv.WriteLine(type);
        }
    }

    private static string Round(double value, int digits) =>
        Math.Round(value, digits).ToString("0.####", CultureInfo.InvariantCulture);
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AnomalyStudio.App.Admission;
using AnomalyStudio.Tests.App.Api;
using AnomalyStudio.Tests.Support;
using Xunit.Abstractions;

namespace AnomalyStudio.Tests.Load;

/// <summary>
/// Many clients uploading large access logs to <c>POST /api/detect</c> at once, for a fixed time, against the real
/// app on real Kestrel: every answer must be right, none a server error, and the server's live memory must come
/// back to where it was. Speed is reported, never asserted.
/// </summary>
[Collection(LoadTests.Name)]
[Trait("Category", LoadTests.Category)]
public sealed class ApiLoadTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>
    /// How much more live managed memory may remain after the load than before it: buffer pools that keep what a
    /// busy minute rented. ArrayPool.Shared keeps up to 32 arrays of each size per core and gives them back only a
    /// couple at a time, a minute after their last use; the parser's 1 MB blocks alone can fill 32 MB per core. So
    /// 32 MB per core, plus 32 MB for Kestrel's memory pool and the keep-alive connections. A leak of results would
    /// pass it within a few requests: one is 10 MB at full scale, and the full run makes over a hundred.
    /// </summary>
    private static readonly long MemoryTolerance = (32L * Environment.ProcessorCount + 32) * 1024 * 1024;

    private readonly ScratchDirectory _directory = new("load");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Concurrent_clients_uploading_large_logs_all_get_correct_answers_and_memory_returns_to_baseline()
    {
        var scale = LoadScale.Current;
        var report = new LoadReport(output, $"POST /api/detect: {scale.Clients} clients for {scale.Duration.TotalSeconds:0} s");
        try
        {
            var (path, lines) = LoadLogs.OfSize(_directory.FullName, scale.UploadBytes);
            var content = await File.ReadAllBytesAsync(path);
            await using var server = await KestrelHost.StartAsync();
            var gate = (DetectionGate)server.Services.GetService(typeof(DetectionGate))!;
            report.Line($"upload {content.Length / 1048576.0:0.0} MB, {lines:N0} lines; gate: {gate.MaxConcurrent} at once, {gate.MaxQueued} waiting");
            Assert.True(scale.Clients <= gate.MaxConcurrent + gate.MaxQueued, "More clients than slots and queue places: some would rightly be refused.");

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = scale.Clients + 1 })
            {
                BaseAddress = server.Address,
                Timeout = TimeSpan.FromMinutes(10),
            };

            // One warm-up request: loads the model and compiles the code paths, and gives the expected record count.
            var warmUp = await SendAsync(http, content);
            Assert.True(warmUp.Status == HttpStatusCode.OK, warmUp.Problem);
            Assert.Equal(lines, warmUp.Total + warmUp.Skipped);
            var expected = warmUp.Total;

            var baselineManaged = ProcessMemory.LiveManagedBytes();
            var baselineResident = ProcessMemory.ResidentBytes(Environment.ProcessId);
            report.Line($"baseline after one warm-up detection: live managed heap {LoadReport.Megabytes(baselineManaged)}, resident set {LoadReport.Megabytes(baselineResident)}");

            var latencies = new Latencies();
            var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
            var problems = new ConcurrentQueue<string>();
            var clock = Stopwatch.StartNew();
            await using (var sampler = new MemorySampler(Environment.ProcessId, () => gate.Queued))
            {
                var deadline = clock.Elapsed + scale.Duration;
                await Task.WhenAll(Enumerable.Range(0, scale.Clients).Select(client => Task.Run(async () =>
                {
                    while (clock.Elapsed < deadline)
                    {
                        var started = clock.Elapsed;
                        var answer = await SendAsync(http, content);
                        latencies.Add(clock.Elapsed - started);
                        statuses.AddOrUpdate(answer.Status, 1, (_, n) => n + 1);
                        if (answer.Status != HttpStatusCode.OK || answer.Total != expected || answer.Records != expected)
                        {
                            problems.Enqueue($"client {client}: {(int)answer.Status}, {answer.Total} records (expected {expected}), {answer.Records} in the report; {answer.Problem}");
                        }
                    }
                })));
                clock.Stop();

                var requests = statuses.Values.Sum();
                report.Line($"{requests:N0} requests in {clock.Elapsed.TotalSeconds:0.0} s: {requests / clock.Elapsed.TotalSeconds:0.00} requests/s, {requests * (double)content.Length / 1048576.0 / clock.Elapsed.TotalSeconds:0.0} MB/s uploaded, {requests * (double)expected / clock.Elapsed.TotalSeconds:N0} records/s");
                report.Line($"statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key} x{s.Value}"))}");
                report.Line($"latency per request (upload, detection, report): {latencies}");
                report.Line($"most detections waiting for a slot at once: {sampler.PeakExtra}");
                report.Line($"peak during the load: managed heap {LoadReport.Megabytes(sampler.PeakManagedBytes)} (garbage included), resident set {LoadReport.Megabytes(sampler.PeakResidentBytes)}");
            }

            var afterManaged = ProcessMemory.LiveManagedBytes();
            var afterResident = ProcessMemory.ResidentBytes(Environment.ProcessId);
            report.Line($"after the load: live managed heap {LoadReport.Megabytes(afterManaged)} ({(afterManaged - baselineManaged) / 1048576.0:+0.0;-0.0} MB against the baseline, tolerance {LoadReport.Megabytes(MemoryTolerance)}), resident set {LoadReport.Megabytes(afterResident)}");
            using (var pipeline = new Support.TestPipeline(sharedModels: true))
            {
                var one = await pipeline.RunFileAsync(path, AnomalyStudio.Core.Pipeline.DetectionMode.Auto);
                report.Line($"one detection's result is about {LoadReport.Megabytes(ResultFootprint.Of(one))} (ResultFootprint); the server runs in the test process, with its GC settings");
            }

            Assert.True(problems.IsEmpty, string.Join('\n', problems.Take(10)));
            Assert.All(statuses.Keys, status => Assert.Equal(HttpStatusCode.OK, status));
            Assert.Equal(0, gate.Running);
            Assert.True(afterManaged - baselineManaged <= MemoryTolerance,
                $"The live managed heap grew from {LoadReport.Megabytes(baselineManaged)} to {LoadReport.Megabytes(afterManaged)}.");
        }
        finally
        {
            report.Flush();
        }
    }

    /// <summary>One upload; the answer's status and, for a report, its record counts.</summary>
    private static async Task<Answer> SendAsync(HttpClient http, byte[] content)
    {
        using var form = ApiRequests.Upload(content, "load.log");
        using var response = await http.PostAsync("/api/detect", form);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync();
            var retryAfter = response.Headers.RetryAfter?.Delta;
            return new Answer(response.StatusCode, -1, -1, -1, $"{body[..Math.Min(300, body.Length)]} (Retry-After {retryAfter?.TotalSeconds.ToString() ?? "none"})");
        }

        // Read into an array of its own and count with a reader: JsonDocument and HttpClient's buffering rent their
        // buffers from the process-wide ArrayPool, which would keep megabytes per client alive in the server's process
        // and blur its memory figures.
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var buffered = new MemoryStream();
        await stream.CopyToAsync(buffered);
        var (total, skipped, records) = CountReport(buffered.GetBuffer().AsSpan(0, (int)buffered.Length));
        return new Answer(response.StatusCode, total, skipped, records, string.Empty);
    }

    /// <summary>The report's summary.total and summary.skippedLines, and how many records it lists.</summary>
    private static (int Total, int Skipped, int Records) CountReport(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string? member = null;
        int total = -1, skipped = -1, records = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                member = reader.GetString();
            }
            else if (member == "summary" && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "total")
                {
                    total = reader.GetInt32();
                }
                else if (name == "skippedLines")
                {
                    skipped = reader.GetInt32();
                }
            }
            else if (member == "records" && reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
            {
                records++;
            }
        }

        return (total, skipped, records);
    }

    private sealed record Answer(HttpStatusCode Status, int Total, int Skipped, int Records, string Problem);
}

using System.Diagnostics;
using System.Text.Json;
using AnomalyStudio.App.Cli;
using Microsoft.Extensions.DependencyInjection;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Cli;

/// <summary>The CLI end to end, in process (with a private model directory) and as a real process for exit codes.</summary>
[Collection(CliTestGroup.Name)]
public sealed class CliTests(CliFixture fixture)
{
    [Fact]
    public async Task Detect_writes_the_json_contract_for_the_sample_log()
    {
        var output = Path.Combine(fixture.Directory, "report.json");
        var (code, _, error) = await fixture.RunAsync("detect", TestData.Samples("sample_access.log"), "--format", "json", "--out", output,
            "--labels", TestData.Samples("sample_access.labels.csv"));

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(output));
        var root = json.RootElement;
        Assert.Equal("apache", root.GetProperty("format").GetString());
        Assert.Equal(5_000, root.GetProperty("records").GetArrayLength());
        Assert.True(root.GetProperty("summary").GetProperty("rocAuc").GetDouble() > 0.97);
        Assert.Equal("nothing unusual", root.GetProperty("records")[0].GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task Detect_takes_a_rules_file_reports_what_each_rule_marked_and_refuses_a_broken_one_by_its_number()
    {
        var rules = Path.Combine(fixture.Directory, "rules.json");
        await File.WriteAllTextAsync(rules, """{"rules":[{"field":"uri","like":"/wp-*"},{"entity":"nobody"}]}""");
        var output = Path.Combine(fixture.Directory, "ruled.json");

        var (code, _, error) = await fixture.RunAsync("detect", ElasticLog.Path, "--rules", rules, "--format", "json", "--out", output, "--limit", "0");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(output));
        var reported = json.RootElement.GetProperty("rules");
        Assert.Equal("uri like /wp-*", reported[0].GetProperty("rule").GetString());
        Assert.Equal(File.ReadLines(ElasticLog.Path).Count(l => l.Contains("\"GET /wp-", StringComparison.Ordinal) || l.Contains("\"POST /wp-", StringComparison.Ordinal)),
            reported[0].GetProperty("expected").GetInt32());
        Assert.Equal(0, reported[1].GetProperty("expected").GetInt32());

        await File.WriteAllTextAsync(rules, """{"rules":[{"entity":"a"},{"field":"uri","like":""}]}""");
        var (refused, _, message) = await fixture.RunAsync("detect", ElasticLog.Path, "--rules", rules);
        Assert.Equal(2, refused);
        Assert.Contains("Rule 2 of the rules file 'rules.json': \"like\" must be a non-empty string.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_reports_the_files_threshold_and_moves_it_with_threshold_or_top()
    {
        var table = TestData.Shared("tabular", "thyroid.csv");
        async Task<JsonElement> Report(params string[] extra)
        {
            var output = Path.Combine(fixture.Directory, $"thyroid-{Guid.NewGuid():N}.json");
            var (code, _, error) = await fixture.RunAsync(["detect", table, "--format", "json", "--out", output, "--limit", "0", .. extra]);
            Assert.True(code == 0, error);
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(output));
            return json.RootElement.Clone();
        }

        var own = await Report();
        var threshold = own.GetProperty("threshold");
        Assert.Equal("split", threshold.GetProperty("method").GetString());
        Assert.Contains("upper group", threshold.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var flagged = threshold.GetProperty("flagged").GetInt32();
        Assert.Equal(own.GetProperty("summary").GetProperty("anomalies").GetInt32(), flagged);
        Assert.InRange(flagged, 93, 600); // 93 anomalies in 3,772 rows: most of them are flagged, and not a quarter of the file
        Assert.True(own.GetProperty("summary").GetProperty("recall").GetDouble() >= 0.8);

        var top = await Report("--top", "93");
        Assert.Equal("top", top.GetProperty("threshold").GetProperty("method").GetString());
        Assert.Equal(93, top.GetProperty("summary").GetProperty("anomalies").GetInt32());

        var manual = await Report("--threshold", "0.2");
        Assert.Equal("manual", manual.GetProperty("threshold").GetProperty("method").GetString());
        Assert.Equal(0.2, manual.GetProperty("threshold").GetProperty("score").GetDouble());
        Assert.True(manual.GetProperty("summary").GetProperty("anomalies").GetInt32() > flagged);
    }

    [Fact]
    public async Task Detect_prints_a_table_by_default()
    {
        var (code, output, _) = await fixture.RunAsync("detect", TestData.Samples("sample_metrics.csv"), "--mode", "fit");

        Assert.Equal(0, code);
        Assert.Contains("sample_metrics.csv: csv, isolation-forest, fit model", output);
        Assert.Contains("5,000 records", output);
        Assert.Contains("ROC-AUC", output);
        Assert.Contains("explanation", output);
        Assert.Matches(@"20 of [\d,]+ anomalies shown, highest scores first; --limit N for more", output); // never cut silently
        Assert.Contains("note: Baseline: the file itself (5,000 records), as fit mode asks", output);
    }

    [Fact]
    public async Task Detect_entities_ranks_the_clients_of_the_real_log_as_json_csv_and_a_table()
    {
        var log = Path.Combine(fixture.Directory, "elastic_with_behaviours.log");
        await File.WriteAllTextAsync(log, EntityScenarioLog.Injected.Text);

        var json = Path.Combine(fixture.Directory, "entities.json");
        var (code, _, error) = await fixture.RunAsync("detect", log, "--entities", "--format", "json", "--out", json, "--limit", "5");
        Assert.True(code == 0, error);
        using (var document = JsonDocument.Parse(await File.ReadAllBytesAsync(json)))
        {
            var root = document.RootElement;
            Assert.Equal("client", root.GetProperty("entityKind").GetString());
            Assert.Equal(5, root.GetProperty("entities").GetArrayLength());
            var first = root.GetProperty("entities")[0];
            Assert.Equal(AnomalyStudio.Core.Samples.EntityScenarioInjector.ScannerIp, first.GetProperty("key").GetString());
            Assert.Contains("scanner agent (nikto)", first.GetProperty("explanation").GetString());
            Assert.True(root.GetProperty("total").GetInt32() > 1700);
        }

        var csv = Path.Combine(fixture.Directory, "entities.csv");
        (code, _, error) = await fixture.RunAsync("detect", log, "--entities", "-o", csv);
        Assert.True(code == 0, error);
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal(AnomalyStudio.Core.Reporting.EntityReportWriter.CsvHeader, lines[0]);
        Assert.StartsWith($"1,{AnomalyStudio.Core.Samples.EntityScenarioInjector.ScannerIp},", lines[1]);

        var (tableCode, table, _) = await fixture.RunAsync("detect", log, "--entities");
        Assert.Equal(0, tableCode);
        Assert.Contains("client entities", table);
        Assert.Contains(AnomalyStudio.Core.Samples.EntityScenarioInjector.BruteForceIp + ": ", table);
    }

    [Fact]
    public async Task Detect_spikes_names_the_burst_and_both_views_at_once_are_refused()
    {
        var log = Path.Combine(fixture.Directory, "elastic_with_behaviours_spikes.log");
        await File.WriteAllTextAsync(log, EntityScenarioLog.Injected.Text);
        var (code, output, error) = await fixture.RunAsync("detect", log, "--spikes");
        Assert.True(code == 0, error);
        Assert.Contains("20 May 2015 02:40–02:42 UTC", output);
        Assert.Contains("agent Go-http-client/1.1", output);

        var (refused, _, message) = await fixture.RunAsync("detect", log, "--spikes", "--entities");
        Assert.Equal(2, refused);
        Assert.Contains("Choose one of --entities and --spikes", message);
    }

    [Fact]
    public async Task Detect_infers_csv_output_from_the_file_name()
    {
        var output = Path.Combine(fixture.Directory, "scores.csv");
        var (code, _, _) = await fixture.RunAsync("detect", TestData.Shared("logs", "apache_access_elastic.log"), "-o", output);

        Assert.Equal(0, code);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal("line,timestamp,identifier,score,severity,explanation", lines[0]);
        Assert.Equal(10_001, lines.Length);
    }

    [Fact]
    public async Task Samples_and_train_write_their_files()
    {
        var directory = Path.Combine(fixture.Directory, "generated");
        var (code, output, _) = await fixture.RunAsync("samples", "--out", directory, "--lines", "300", "--rows", "200");
        Assert.Equal(0, code);
        Assert.Contains("sample_access.log", output);
        Assert.Equal(300, File.ReadAllLines(Path.Combine(directory, "sample_access.log")).Length);
        Assert.Equal(201, File.ReadAllLines(Path.Combine(directory, "sample_metrics.csv")).Length);

        (code, output, _) = await fixture.RunAsync("train", "--model", "isolation-forest");
        Assert.Equal(0, code);
        Assert.Contains("isolation-forest.access-log.json", output);
        Assert.Contains("isolation-forest.csv-summary.json", output);

        (code, output, _) = await fixture.RunAsync("models");
        Assert.Equal(0, code);
        Assert.Contains("isolation-forest (Isolation Forest): available", output);
        Assert.Contains("AccessLog: trained", output);
    }

    [Fact]
    public async Task Help_is_available_for_every_verb()
    {
        foreach (var verb in new[] { "detect", "train", "samples", "bench", "models" })
        {
            var (code, output, _) = await fixture.RunAsync(verb, "--help");
            Assert.Equal(0, code);
            Assert.Contains("Usage:", output);
        }
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("compare", "a", "b")]
    [InlineData("detcet", "{samples}/sample_access.log")]
    public async Task An_unknown_verb_prints_the_usage_and_exits_2(params string[] args)
    {
        var resolved = args.Select(a => a.Replace("{samples}", Path.GetDirectoryName(TestData.Samples("x")), StringComparison.Ordinal)).ToArray();

        var (code, output, error) = await fixture.RunAsync(resolved);

        Assert.Equal(2, code);
        Assert.StartsWith($"error: unknown verb '{args[0]}'; the verbs are detect, train, samples, bench, models and serve.", error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.Contains("detect", error[error.IndexOf("Usage:", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("serve", "--help")]
    [InlineData("serve", "-h")]
    [InlineData("serve", "--urls", "http://127.0.0.1:8080", "--help")]
    public async Task Serve_help_prints_help_for_serve_instead_of_serving(params string[] args)
    {
        Assert.True(CliApplication.IsCliInvocation(args));

        var (code, output, error) = await fixture.RunAsync(args);

        Assert.True(code == 0, error);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("serve [options]", output, StringComparison.Ordinal);
        Assert.Contains("--urls", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(false, "serve")]
    [InlineData(false, "--urls", "http://127.0.0.1:8080")]
    [InlineData(false, "serve", "--urls", "http://127.0.0.1:8080")]
    [InlineData(false, "urls=http://127.0.0.1:8080")]
    [InlineData(false, "/urls", "http://127.0.0.1:8080")]
    [InlineData(true, "detect", "x.log")]
    [InlineData(true, "--help")]
    [InlineData(true, "frobnicate")]
    [InlineData(true, "compare", "a", "b")]
    [InlineData(true, "serve", "--help")]
    public void The_web_app_is_served_only_without_arguments_with_serve_or_with_host_settings(bool cli, params string[] args) =>
        Assert.Equal(cli, CliApplication.IsCliInvocation(args));

    [Fact]
    public async Task The_real_process_exits_2_on_an_unknown_verb_instead_of_starting_a_server()
    {
        var (code, output, error) = await fixture.RunProcessAsync("frobnicate");

        Assert.Equal(2, code);
        Assert.StartsWith("error: unknown verb 'frobnicate'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("detect", "/nonexistent/file.log")]
    [InlineData("detect", "{samples}/sample_access.log", "--model", "random-forest")]
    [InlineData("detect", "{samples}/sample_access.log", "--format", "xml")]
    [InlineData("detect", "{empty}")]
    [InlineData("detect", "{binary}")]
    [InlineData("detect")]
    [InlineData("detect", "{samples}/sample_access.log", "--no-such-option")]
    [InlineData("samples", "--lines", "10")]
    [InlineData("detect", "{samples}/sample_access.log", "--limit", "-1")]
    [InlineData("detect", "{samples}/sample_access.log", "--mode", "sometimes")]
    [InlineData("detect", "{samples}/sample_access.log", "--threshold", "1.5")]
    [InlineData("detect", "{samples}/sample_access.log", "--threshold", "high")]
    [InlineData("detect", "{samples}/sample_access.log", "--top", "0")]
    [InlineData("detect", "{samples}/sample_access.log", "--top", "5", "--threshold", "0.5")]
    public async Task Bad_input_exits_with_2_and_one_line_on_stderr(params string[] args)
    {
        var resolved = args.Select(a => a.Replace("{samples}", Path.GetDirectoryName(TestData.Samples("x")), StringComparison.Ordinal)
            .Replace("{empty}", fixture.EmptyFile, StringComparison.Ordinal)
            .Replace("{binary}", fixture.BinaryFile, StringComparison.Ordinal)).ToArray();

        var (code, _, error) = await fixture.RunAsync(resolved);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error);
        var rest = error.TrimEnd().Split('\n').Skip(1).ToList();
        Assert.True(rest.Count == 0 || rest.Any(l => l.StartsWith("Usage:", StringComparison.Ordinal)), error); // one line, or one line and the verb's usage
    }

    [Fact]
    public async Task Every_report_notes_how_the_file_was_read_and_csv_lines_are_lines_of_the_file()
    {
        var gzip = Path.Combine(fixture.Directory, "metrics.csv.gz");
        var malformed = Path.Combine(fixture.Directory, "metrics-with-a-bad-row.csv");
        var lines = (await File.ReadAllLinesAsync(TestData.Samples("sample_metrics.csv"))).Take(301).ToList();
        lines.Insert(5, string.Join(",", Enumerable.Repeat("9", 40))); // line 6 of the file: far too many fields
        await File.WriteAllLinesAsync(malformed, lines);
        await using (var target = File.Create(gzip))
        await using (var zip = new System.IO.Compression.GZipStream(target, System.IO.Compression.CompressionLevel.Fastest))
        await using (var source = File.OpenRead(TestData.Samples("sample_metrics.csv")))
        {
            await source.CopyToAsync(zip);
        }

        async Task<JsonElement> Report(params string[] args)
        {
            var output = Path.Combine(fixture.Directory, $"notes-{Guid.NewGuid():N}.json");
            var (code, _, error) = await fixture.RunAsync(["detect", .. args, "--format", "json", "--out", output]);
            Assert.True(code == 0, error);
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(output));
            return json.RootElement.Clone();
        }

        static List<string> Notes(JsonElement report) => [.. report.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!)];
        var zipped = Notes(await Report(gzip, "--mode", "pretrained", "--limit", "0"));
        var chosen = Notes(await Report(TestData.Samples("sample_metrics.csv"), "--input-format", "csv", "--mode", "fit", "--limit", "0"));
        var bad = await Report(malformed);

        Assert.Contains("The file is gzip-compressed: it was decompressed as it was read.", zipped);
        Assert.Contains("Format: CSV table, detected from the content (an input format can be chosen instead).", zipped);
        Assert.Contains(zipped, n => n.StartsWith("Baseline: the pretrained Isolation Forest, as pretrained mode asks", StringComparison.Ordinal));
        Assert.Contains(chosen, n => n.StartsWith("Read as a ", StringComparison.Ordinal) && n.EndsWith("as asked: the format was not detected.", StringComparison.Ordinal));
        Assert.Contains(chosen, n => n.StartsWith("Baseline: the file itself (5,000 records), as fit mode asks", StringComparison.Ordinal));
        var skipped = bad.GetProperty("skipped");
        Assert.Equal(6, skipped[0].GetProperty("line").GetInt64());
        var lineNumbers = bad.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("line").GetInt64()).Order().ToList();
        Assert.Equal([2, 3, 4, 5, .. Enumerable.Range(7, 296).Select(i => (long)i)], lineNumbers); // header line 1, bad line 6: one numbering
    }

    [Fact]
    public async Task Options_that_do_not_apply_are_refused_with_a_reason_never_ignored()
    {
        var jsonLines = Path.Combine(fixture.Directory, "events.jsonl");
        await File.WriteAllTextAsync(jsonLines, "{\"time\":\"2024-01-01T00:00:00Z\",\"msg\":\"started\"}\n{\"time\":\"2024-01-01T00:00:01Z\",\"msg\":\"stopped\"}\n");

        var column = await fixture.RunAsync("detect", TestData.Samples("sample_access.log"), "--entities", "--entity-column", "foo");
        var data = await fixture.RunAsync("bench", "quality", "--data", "/nonexistent");
        var behaviours = await fixture.RunAsync("samples", "behaviours", "--from", jsonLines, "-o", Path.Combine(fixture.Directory, "never.log"));

        Assert.Equal((2, "error: An access log's entities are its clients (by IP; with sessions, IP and user agent), so the entity column 'foo' does not apply"),
            (column.Code, column.Error[..column.Error.IndexOf(':', 10)]));
        Assert.Equal((2, "error: --data /nonexistent: there is no such folder.\n"), (data.Code, data.Error.ReplaceLineEndings("\n")));
        Assert.Equal(2, behaviours.Code);
        Assert.StartsWith("error: 'events.jsonl' reads as JSON lines, not an access log", behaviours.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(fixture.Directory, "never.log")));
    }

    [Theory]
    [InlineData("detect", "detect")]
    [InlineData("bench quality", "bench quality")]
    [InlineData("samples behaviours", "samples behaviours")]
    [InlineData("models", "models")]
    public async Task An_unknown_option_says_so_and_prints_the_verbs_usage(string verb, string usage)
    {
        string[] file = verb == "detect" ? [TestData.Samples("sample_access.log")] : [];
        var (code, output, error) = await fixture.RunAsync([.. verb.Split(' '), .. file, "--no-such-option"]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: Unrecognized command or argument '--no-such-option'", error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.Matches(@"Usage:\s+\S+ " + usage + " ", error);
    }

    [Theory]
    [InlineData("detect")]
    [InlineData("train")]
    [InlineData("samples")]
    [InlineData("samples behaviours")]
    [InlineData("bench")]
    [InlineData("bench quality")]
    [InlineData("bench parsing")]
    [InlineData("models")]
    [InlineData("serve")]
    public async Task Every_verb_prints_its_help(string verb)
    {
        var (code, output, _) = await fixture.RunAsync([.. verb.Split(' '), "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains(" " + verb, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MaxRecords", "100", "sample_access.log", "error: The file has more than 100 records, the most one analysis accepts.")]
    [InlineData("MaxColumns", "3", "sample_metrics.csv", "columns; at most 3 are accepted (AnomalyStudio:MaxColumns).")]
    public async Task Input_over_a_configured_limit_exits_2_saying_which(string setting, string value, string sample, string message)
    {
        var defaults = CliHost.Overrides;
        CliHost.Overrides = new Dictionary<string, string?>(defaults!) { ["AnomalyStudio:" + setting] = value };
        try
        {
            var (code, _, error) = await fixture.RunAsync("detect", TestData.Samples(sample));

            Assert.Equal(2, code);
            Assert.Contains(message, error);
            Assert.Single(error.TrimEnd().Split('\n'));
        }
        finally
        {
            CliHost.Overrides = defaults;
        }
    }

    [Fact]
    public async Task Detect_with_the_autoencoder_scores_the_sample_log()
    {
        var output = Path.Combine(fixture.Directory, "autoencoder.json");
        var (code, _, error) = await fixture.RunAsync("detect", TestData.Samples("sample_access.log"), "--model", "autoencoder", "-o", output,
            "--labels", TestData.Samples("sample_access.labels.csv"));

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(output));
        Assert.Equal("autoencoder", json.RootElement.GetProperty("model").GetString());
        Assert.True(json.RootElement.GetProperty("summary").GetProperty("rocAuc").GetDouble() > 0.95);
        Assert.Equal(0.95, json.RootElement.GetProperty("thresholds").GetProperty("critical").GetDouble());
    }

    [Fact]
    public async Task A_detector_that_throws_exits_1_with_one_line_and_the_details_only_with_verbose()
    {
        CliHost.ConfigureServices = services => services.AddSingleton(sp =>
            new AnomalyStudio.Core.Detection.DetectorCatalog(sp.GetRequiredService<AnomalyStudio.Core.Pipeline.PipelineOptions>(), [Api.FailingDetector.InPlaceOfTheForest()]));
        try
        {
            var (code, _, error) = await fixture.RunAsync("detect", TestData.Samples("sample_metrics.csv"), "--mode", "fit");
            Assert.Equal(1, code);
            Assert.Equal($"error: unexpected failure (InvalidOperationException): {Api.FailingDetector.Secret} (run with --verbose for details)", error.TrimEnd());

            (code, _, error) = await fixture.RunAsync("detect", TestData.Samples("sample_metrics.csv"), "--mode", "fit", "--verbose");
            Assert.Equal(1, code);
            Assert.StartsWith("error: unexpected failure: System.InvalidOperationException: " + Api.FailingDetector.Secret, error, StringComparison.Ordinal);
            Assert.Contains("   at AnomalyStudio.Tests.App.Api.FailingDetector.Fit(", error, StringComparison.Ordinal);
        }
        finally
        {
            CliHost.ConfigureServices = null;
        }
    }

    [Fact]
    public async Task Without_libtorch_detect_with_the_autoencoder_exits_2_with_the_reason()
    {
        const string Reason = "libtorch (TorchSharp's native library) could not be loaded: GLIBCXX_3.4.32 not found.";
        CliHost.ConfigureServices = services => services.AddSingleton(sp =>
            new AnomalyStudio.Core.Detection.DetectorCatalog(sp.GetRequiredService<AnomalyStudio.Core.Pipeline.PipelineOptions>(),
                [AnomalyStudio.Core.Detection.IsolationForest.IsolationForestDetector.Registration,
                 AnomalyStudio.Core.Detection.Autoencoder.AutoencoderDetector.RegistrationWith(() => AnomalyStudio.Core.Detection.DetectorAvailability.Unavailable(Reason))]));
        try
        {
            var (code, _, error) = await fixture.RunAsync("detect", TestData.Samples("sample_access.log"), "--model", "autoencoder");
            Assert.Equal(2, code);
            Assert.Equal("error: The Autoencoder is unavailable: " + Reason, error.Trim());

            (code, var output, _) = await fixture.RunAsync("models");
            Assert.Equal(0, code);
            Assert.Contains("autoencoder (Autoencoder): unavailable: " + Reason, output);

            (code, _, _) = await fixture.RunAsync("detect", TestData.Samples("sample_access.log"), "--limit", "1");
            Assert.Equal(0, code);
        }
        finally
        {
            CliHost.ConfigureServices = null;
        }
    }

    [Fact]
    public async Task The_real_process_exits_2_on_bad_input_and_0_on_success()
    {
        var bad = await fixture.RunProcessAsync("detect", fixture.EmptyFile);
        Assert.Equal(2, bad.Code);
        Assert.Equal("error: The file is empty.", bad.Error.Trim());

        var good = await fixture.RunProcessAsync("detect", TestData.Samples("sample_access.log"), "--format", "json", "--limit", "3");
        Assert.True(good.Code == 0, good.Error);
        using var json = JsonDocument.Parse(good.Output);
        Assert.Equal(3, json.RootElement.GetProperty("records").GetArrayLength());
    }
}

[CollectionDefinition(Name)]
public sealed class CliTestGroup : ICollectionFixture<CliFixture>
{
    public const string Name = "CLI";
}

/// <summary>A private model directory and a few bad files for the CLI tests.</summary>
public sealed class CliFixture : IDisposable
{
    public CliFixture()
    {
        EmptyFile = _scratch.PathOf("empty.log");
        File.WriteAllBytes(EmptyFile, []);
        BinaryFile = _scratch.PathOf("image.png");
        File.WriteAllBytes(BinaryFile, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
        CliHost.Overrides = new Dictionary<string, string?> { ["AnomalyStudio:ModelDirectory"] = SharedModels.Directory };
    }

    private readonly ScratchDirectory _scratch = new("cli");

    public string Directory => _scratch.FullName;

    public string EmptyFile { get; }

    public string BinaryFile { get; }

    public async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public async Task<(int Code, string Output, string Error)> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Directory };
        start.ArgumentList.Add(typeof(CliApplication).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AnomalyStudio__ModelDirectory"] = SharedModels.Directory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        CliHost.Overrides = null;
        _scratch.Dispose();
    }
}

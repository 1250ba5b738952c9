using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Tests.Support;
using static AnomalyStudio.Core.Features.AccessLogFeatureExtractor;

namespace AnomalyStudio.Tests.Core.Features;

public sealed class AccessLogFeatureExtractorTests
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";

    private static AccessLogRecord Record(
        int status = 200, long bytes = 1000, string method = "GET", string uri = "/index.html", string? userAgent = Browser, long line = 1) => new()
    {
        Line = line,
        Ip = "10.0.0.1",
        Ident = "-",
        User = "-",
        Timestamp = new DateTimeOffset(2015, 5, 17, 10, 5, 3, TimeSpan.Zero),
        Method = method,
        Uri = uri,
        Protocol = "HTTP/1.1",
        Status = status,
        Bytes = bytes,
        Referrer = userAgent is null ? null : "-",
        UserAgent = userAgent,
    };

    private static AccessLogFeatures Extract(params AccessLogRecord[] records) =>
        AccessLogFeatureExtractor.Extract(AccessLogTable.From(records));

    private static AccessLogFeatures Extract(AccessLogTable records) => AccessLogFeatureExtractor.Extract(records);

    [Fact]
    public void Names_the_reference_designs_nine_features_then_the_uris_content_in_order()
    {
        Assert.Equal(
            ["is_4xx", "is_5xx", "is_3xx", "bytes_zscore", "large_response", "suspicious_uri", "suspicious_ua", "method_code", "uri_length",
             "uri_payload", "uri_symbols", "uri_shape_rarity"],
            Names);
        Assert.Equal(
            [Is4xx, Is5xx, Is3xx, BytesZscore, LargeResponse, SuspiciousUri, SuspiciousUserAgent, MethodCode, UriLength, UriPayload, UriSymbols, UriShapeRarity],
            Enumerable.Range(0, 12));
        Assert.Equal(Names, Extract([Record()]).Matrix.Names);
    }

    [Theory]
    [InlineData(200, 0, 0, 0)]
    [InlineData(299, 0, 0, 0)]
    [InlineData(300, 0, 0, 1)]
    [InlineData(304, 0, 0, 1)]
    [InlineData(399, 0, 0, 1)]
    [InlineData(400, 1, 0, 0)]
    [InlineData(404, 1, 0, 0)]
    [InlineData(499, 1, 0, 0)]
    [InlineData(500, 0, 1, 0)]
    [InlineData(503, 0, 1, 0)]
    public void Flags_the_status_class(int status, double is4xx, double is5xx, double is3xx)
    {
        var matrix = Extract([Record(status: status)]).Matrix;

        Assert.Equal(is4xx, matrix[0, Is4xx]);
        Assert.Equal(is5xx, matrix[0, Is5xx]);
        Assert.Equal(is3xx, matrix[0, Is3xx]);
    }

    [Fact]
    public void Bytes_zscore_is_the_distance_from_the_mean_in_sample_standard_deviations()
    {
        var features = ElasticLog.Features;
        var bytes = ElasticLog.Records.Select(r => (double)r.Bytes).ToArray();
        var mean = bytes.Average();
        var sampleStd = Math.Sqrt(bytes.Sum(b => (b - mean) * (b - mean)) / (bytes.Length - 1));
        var sorted = bytes.Order().ToArray();
        var median = (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;

        Assert.Equal(mean, features.Bytes.Mean, 1e-6);
        Assert.Equal(sampleStd, features.Bytes.StandardDeviation, 1e-3);
        Assert.Equal(median, features.Bytes.Median);
        for (var i = 0; i < bytes.Length; i++)
        {
            Assert.Equal((bytes[i] - mean) / sampleStd, features.Matrix[i, BytesZscore], 1e-9);
        }
    }

    [Fact]
    public void Uses_the_sample_standard_deviation_on_a_small_example()
    {
        // mean 4, sample variance ((−3)² + (−1)² + 1² + 3²) / 3 = 20/3
        var matrix = Extract([Record(bytes: 1), Record(bytes: 3), Record(bytes: 5), Record(bytes: 7)]).Matrix;

        Assert.Equal(-3 / Math.Sqrt(20.0 / 3), matrix[0, BytesZscore], 1e-12);
        Assert.Equal(1 / Math.Sqrt(20.0 / 3), matrix[2, BytesZscore], 1e-12);
    }

    [Fact]
    public void Flags_responses_larger_than_the_mean_plus_three_standard_deviations()
    {
        var features = ElasticLog.Features;
        var limit = features.Bytes.Mean + (3 * features.Bytes.StandardDeviation);
        var large = Enumerable.Range(0, ElasticLog.Records.Count).Where(i => ElasticLog.Records[i].Bytes > limit).ToArray();

        Assert.Equal(limit, features.Bytes.LargeResponseLimit);
        Assert.NotEmpty(large);
        Assert.True(large.Length < ElasticLog.Records.Count / 100);
        Assert.Equal(large, Enumerable.Range(0, features.Matrix.Rows).Where(i => features.Matrix[i, LargeResponse] == 1));
        Assert.All(Enumerable.Range(0, features.Matrix.Rows), i => Assert.Contains(features.Matrix[i, LargeResponse], new[] { 0.0, 1.0 }));
    }

    [Fact]
    public void Gives_a_zero_zscore_when_every_response_has_the_same_size()
    {
        var matrix = Extract([Record(bytes: 512), Record(bytes: 512), Record(bytes: 512)]).Matrix;

        Assert.All(Enumerable.Range(0, 3), i =>
        {
            Assert.Equal(0, matrix[i, BytesZscore]);
            Assert.Equal(0, matrix[i, LargeResponse]);
        });
    }

    [Fact]
    public void Gives_a_zero_zscore_to_a_single_record()
    {
        var matrix = Extract([Record(bytes: 123_456)]).Matrix;

        Assert.Equal(0, matrix[0, BytesZscore]);
        Assert.Equal(0, matrix[0, LargeResponse]);
    }

    [Theory]
    [InlineData("GET", 0)]
    [InlineData("POST", 1)]
    [InlineData("PUT", 2)]
    [InlineData("DELETE", 3)]
    [InlineData("HEAD", 4)]
    [InlineData("OPTIONS", 5)]
    [InlineData("PATCH", 6)]
    [InlineData("PROPFIND", 7)]
    [InlineData("-", 7)]
    [InlineData("", 7)]
    [InlineData("get", 7)]
    public void Codes_the_http_method(string method, int code)
    {
        Assert.Equal(code, MethodCodeOf(method));
        Assert.Equal(code, Extract([Record(method: method)]).Matrix[0, MethodCode]);
    }

    [Fact]
    public void Flags_suspicious_uris_and_user_agents()
    {
        AccessLogRecord[] records =
        [
            Record(),
            Record(uri: "/../../etc/passwd"),
            Record(userAgent: "sqlmap/1.7.2#stable (https://sqlmap.org)"),
            Record(userAgent: "curl/8.4.0"),
            Record(userAgent: "-"),
            Record(userAgent: ""),
            Record(userAgent: null),
        ];

        var features = Extract(records);

        Assert.Equal([0.0, 1, 0, 0, 0, 0, 0], Enumerable.Range(0, records.Length).Select(i => features.Matrix[i, SuspiciousUri]));
        Assert.Equal([0.0, 0, 1, 1, 1, 1, 0], Enumerable.Range(0, records.Length).Select(i => features.Matrix[i, SuspiciousUserAgent]));
        Assert.Equal(UriThreat.PathTraversal | UriThreat.SensitiveFile, features.UriThreats[1]);
        Assert.Equal(
            [UserAgentKind.Browser, UserAgentKind.Browser, UserAgentKind.Scanner, UserAgentKind.ScriptClient, UserAgentKind.Empty, UserAgentKind.Empty, UserAgentKind.NotLogged],
            features.UserAgents);
    }

    [Fact]
    public void A_path_the_server_answers_hundreds_of_times_is_not_a_probe_but_a_real_probe_still_is()
    {
        // NASA's 1995 log serves its image maps from /cgi-bin/imagemap all day; a WordPress site answers its own login page.
        var routine = Enumerable.Range(0, 150).Select(i => Record(uri: $"/cgi-bin/imagemap/countdown?{100 + i},{200 + i}"))
            .Concat(Enumerable.Range(0, 120).Select(_ => Record(uri: "/wp-login.php")));
        AccessLogRecord[] probes =
        [
            Record(status: 404, uri: "/cgi-bin/test-cgi"),
            Record(status: 404, uri: "/.env"),
            Record(status: 200, uri: "/wp-login.php?user=admin'--"),
            Record(status: 404, uri: "/backup.sql"),
        ];

        var features = Extract([.. routine, .. probes]);

        Assert.All(features.UriThreats.Take(270), t => Assert.Equal(UriThreat.None, t));
        Assert.Equal(UriThreat.SensitiveFile, features.UriThreats[270]);
        Assert.Equal(UriThreat.SensitiveFile, features.UriThreats[271]);
        Assert.Equal(UriThreat.SqlInjection, features.UriThreats[272]); // the injection stays, the routine page is no probe
        Assert.Equal(UriThreat.SensitiveFile, features.UriThreats[273]);
    }

    [Fact]
    public void A_sensitive_path_answered_a_few_times_is_still_a_probe()
    {
        var features = Extract([.. Enumerable.Range(0, 20).Select(_ => Record()), .. Enumerable.Range(0, 5).Select(_ => Record(uri: "/wp-login.php"))]);

        Assert.All(features.UriThreats.Skip(20), t => Assert.Equal(UriThreat.SensitiveFile, t));
    }

    [Fact]
    public void Measures_the_uri_length_as_logged()
    {
        var matrix = Extract([Record(uri: "/"), Record(uri: "/a%20b?x=1"), Record(uri: "")]).Matrix;

        Assert.Equal([1.0, 10, 0], Enumerable.Range(0, 3).Select(i => matrix[i, UriLength]));
    }

    [Fact]
    public void Matches_the_record_by_record_rules_on_the_real_log()
    {
        var records = ElasticLog.Records;
        var features = ElasticLog.Features;

        Assert.Equal(records.Count, features.Matrix.Rows);
        Assert.Same(records, features.Records);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var row = features.Matrix.Row(i);
            var threat = UriThreatDetector.Detect(record.Uri);
            var agent = UserAgentClassifier.Classify(record.UserAgent);
            Assert.Equal(record.Status is >= 400 and < 500 ? 1 : 0, row[Is4xx]);
            Assert.Equal(record.Status >= 500 ? 1 : 0, row[Is5xx]);
            Assert.Equal(record.Status is >= 300 and < 400 ? 1 : 0, row[Is3xx]);
            Assert.Equal(threat, features.UriThreats[i]);
            Assert.Equal(threat == UriThreat.None ? 0 : 1, row[SuspiciousUri]);
            Assert.Equal(agent, features.UserAgents[i]);
            Assert.Equal(agent is UserAgentKind.Empty or UserAgentKind.ScriptClient or UserAgentKind.Scanner ? 1 : 0, row[SuspiciousUserAgent]);
            Assert.Equal(MethodCodeOf(record.Method), row[MethodCode]);
            Assert.Equal(record.Uri.Length, row[UriLength]);
        }
    }

    [Fact]
    public void Gives_the_same_matrix_on_every_run()
    {
        var again = Extract(ElasticLog.Records);

        Assert.Equal(ElasticLog.Features.Matrix.Values, again.Matrix.Values);
    }

    [Fact]
    public void Extracts_an_empty_matrix_from_no_records()
    {
        var features = Extract([]);

        Assert.Equal(0, features.Matrix.Rows);
        Assert.Equal(Names, features.Matrix.Names);
    }
}

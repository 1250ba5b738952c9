using System.Globalization;
using System.Text;
using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Explanations;

/// <summary>
/// A small shop's ordinary traffic (2,000 browser requests of a few pages and sizes) with a handful of real attack
/// lines after it, parsed and explained as the pipeline does.
/// </summary>
public sealed class AccessLogExplainerTests
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";

    private static readonly string[] Attacks =
    [
        "203.0.113.7 - - [02/Nov/2026:10:00:01 +0000] \"GET /search?q=1%20UNION%20SELECT%20username,password%20FROM%20users-- HTTP/1.1\" 500 312 \"-\" \"sqlmap/1.8.11#stable (https://sqlmap.org)\"",
        "203.0.113.8 - - [02/Nov/2026:10:00:02 +0000] \"GET /static/../../../../etc/passwd HTTP/1.1\" 404 512 \"-\" \"curl/8.5.0\"",
        "203.0.113.9 - - [02/Nov/2026:10:00:03 +0000] \"GET /products/2 HTTP/1.1\" 200 40000000 \"-\" \"" + Firefox + "\"",
        "203.0.113.10 - - [02/Nov/2026:10:00:04 +0000] \"DELETE /products/3 HTTP/1.1\" 200 1000 \"-\" \"\"",
        "10.0.0.1 - - [02/Nov/2026:10:00:05 +0000] \"GET /products/4 HTTP/1.1\" 200 1000 \"-\" \"" + Firefox + "\"",
    ];

    private static readonly Lazy<(AccessLogExplainer Explainer, int First)> Log = new(() =>
    {
        var text = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"10.0.0.{i % 50} - - [02/Nov/2026:09:{i / 60 % 60:00}:{i % 60:00} +0000] \"GET /products/{i % 20} HTTP/1.1\" 200 {900 + (i % 200)} \"-\" \"{Firefox}\"\n");
        }

        foreach (var line in Attacks)
        {
            text.Append(line).Append('\n');
        }

        using var stream = TextInput.Utf8(text.ToString());
        var records = new AccessLogParser().Parse(stream).Records;
        return (new AccessLogExplainer(AccessLogFeatureExtractor.Extract(records)), 2_000);
    });

    private static string Explain(int attack) => ExplanationText.Join(Log.Value.Explainer.Reasons(Log.Value.First + attack));

    [Fact]
    public void Names_sql_injection_then_the_scanner_then_the_server_error_then_the_rare_shape()
    {
        var named = Explain(0).Split("; ");

        Assert.Equal(["URI contains SQL injection (UNION SELECT)", "scanner user agent (sqlmap)", "HTTP 500 server error"], named[..3]);
        Assert.StartsWith("rare URI shape (1 of 2,005 requests): /search?q=", named[3], StringComparison.Ordinal);
        Assert.Equal(ExplanationText.MaxReasons, named.Length);
    }

    [Fact]
    public void Names_path_traversal_and_the_sensitive_file_before_the_scripted_client_and_the_404()
    {
        Assert.Equal(
            "URI contains path traversal (../); URI probes a sensitive file (/etc/passwd); scripted client (curl); HTTP 404 not found",
            Explain(1));
    }

    [Fact]
    public void Names_a_response_far_larger_than_the_files_median_with_its_size()
    {
        Assert.Equal("response 40,000× the file's median size (38.1 MB)", Explain(2));
    }

    [Fact]
    public void Names_an_empty_user_agent_before_a_delete_request()
    {
        Assert.Equal("empty user agent; DELETE request", Explain(3));
    }

    [Fact]
    public void Gives_no_reason_for_an_ordinary_request()
    {
        Assert.Empty(Log.Value.Explainer.Reasons(Log.Value.First + 4));
        Assert.Equal(ExplanationText.NoSingleReason, Explain(4));
    }

    [Fact]
    public void Reasons_come_with_strengths_that_order_attacks_above_errors_above_odd_methods()
    {
        var reasons = Log.Value.Explainer.Reasons(Log.Value.First);

        Assert.Equal(99, reasons.Single(r => r.Text.StartsWith("URI contains SQL injection", StringComparison.Ordinal)).Strength);
        Assert.Equal(92, reasons.Single(r => r.Text.StartsWith("scanner user agent", StringComparison.Ordinal)).Strength);
        Assert.Equal(80, reasons.Single(r => r.Text == "HTTP 500 server error").Strength);
        Assert.True(Log.Value.Explainer.Reasons(Log.Value.First + 3).Single(r => r.Text == "DELETE request").Strength < 40);
    }
}

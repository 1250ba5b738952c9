using AnomalyStudio.Core.Features;
using AnomalyStudio.Tests.Support;
using Xunit.Abstractions;

namespace AnomalyStudio.Tests.Core.Features;

public sealed class UriThreatDetectorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("/static/../../app/config.yml")]
    [InlineData("/download?file=..%2f..%2fsecret.txt")]
    [InlineData("/static/%2e%2e%2f%2e%2e%2fapp.config")]
    [InlineData("/static/%2E%2E%2F%2E%2E%2Fapp.config")]
    [InlineData("/img?f=%252e%252e%252fsecret")]
    [InlineData("/files/..\\..\\secret.txt")]
    [InlineData("/files/..%5c..%5csecret.txt")]
    [InlineData("/a/b/..")]
    [InlineData("/a/b/..?x=1")]
    public void Finds_path_traversal_also_when_encoded_twice(string uri)
    {
        Assert.Equal(UriThreat.PathTraversal, UriThreatDetector.Detect(uri));
    }

    [Theory]
    [InlineData("/\\x90\\x02\\xb1\\x02\\xb1", "\\x90\\x02\\xb1\\x02\\xb1")]
    [InlineData("/default.ida?\\x90\\x90\\x90\\x90\\x90\\x90\\x90\\x90\\x90\\x90=a", "\\x90\\x90\\x90\\x90\\x90\\x90\\x90\\x90…")]
    [InlineData("/a\u001f^\u0007b", "\\x1f")]
    [InlineData("/cgi\u0090x", "\\x90")]
    public void Finds_raw_bytes_kept_as_escapes_or_control_characters_and_quotes_them_as_escapes(string uri, string evidence)
    {
        Assert.Equal(UriThreat.RawBytes, UriThreatDetector.Detect(uri));
        Assert.Equal(evidence, UriThreatDetector.RawBytesEvidence(uri));
    }

    [Theory]
    [InlineData("/search?q=%90%90")]
    [InlineData("/files/x41.txt")]
    [InlineData("/a\\b\\xyz")]
    [InlineData("/tab\there")]
    public void Percent_encoding_a_lone_backslash_or_a_tab_are_not_raw_bytes(string uri)
    {
        Assert.False(UriThreatDetector.HasRawBytes(uri));
        Assert.Null(UriThreatDetector.RawBytesEvidence(uri));
    }

    [Theory]
    [InlineData("/item?id=1%20union%20select%20password%20from%20users")]
    [InlineData("/item?id=1+UNION+ALL+SELECT+1,2,3")]
    [InlineData("/login?user=admin'%20or%20'1'='1")]
    [InlineData("/login?user=' or '1'='1")]
    [InlineData("/login?user=%27%20OR%20%271%27%3D%271")]
    [InlineData("/item?id=1%20or%201=1")]
    [InlineData("/item?id=1;drop table users")]
    [InlineData("/item?id=1'--")]
    [InlineData("/item?id=1%20and%20sleep(5)")]
    [InlineData("/item?id=1;waitfor%20delay%20'0:0:5'")]
    [InlineData("/item?id=1%20from%20information_schema.tables")]
    public void Finds_sql_injection(string uri)
    {
        Assert.Equal(UriThreat.SqlInjection, UriThreatDetector.Detect(uri));
    }

    [Theory]
    [InlineData("/search?q=<script>alert(1)</script>")]
    [InlineData("/search?q=%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("/search?q=%253Cscript%253Ealert(1)%253C/script%253E")]
    [InlineData("/go?url=javascript:alert(document.cookie)")]
    [InlineData("/search?q=%3Cimg%20src=x%20onerror=alert(1)%3E")]
    [InlineData("/search?q=<svg/onload=alert(1)>")]
    [InlineData("/search?q=%22%20onmouseover%3Dconfirm(1)%20x%3D%22")]
    [InlineData("/search?q=%22%20autofocus%20onfocus%3Dprompt(1)%20x%3D%22")]
    public void Finds_cross_site_scripting_also_when_encoded(string uri)
    {
        Assert.Equal(UriThreat.CrossSiteScripting, UriThreatDetector.Detect(uri));
    }

    [Theory]
    [InlineData("/ping?host=127.0.0.1;cat%20/etc/passwd", UriThreat.CommandInjection | UriThreat.SensitiveFile)]
    [InlineData("/ping?host=127.0.0.1;whoami", UriThreat.CommandInjection)]
    [InlineData("/ping?host=$(id)", UriThreat.CommandInjection)]
    [InlineData("/ping?host=%24%28id%29", UriThreat.CommandInjection)]
    [InlineData("/ping?host=a|uname%20-a", UriThreat.CommandInjection)]
    [InlineData("/ping?host=a%26%26ls", UriThreat.CommandInjection)]
    [InlineData("/ping?host=`id`", UriThreat.CommandInjection)]
    [InlineData("/run?c=/bin/sh%20-i", UriThreat.CommandInjection)]
    public void Finds_command_injection(string uri, UriThreat expected)
    {
        Assert.Equal(expected, UriThreatDetector.Detect(uri));
    }

    [Theory]
    [InlineData("/.env")]
    [InlineData("/app/.env")]
    [InlineData("/wp-admin/")]
    [InlineData("/wp-login.php")]
    [InlineData("/etc/passwd")]
    [InlineData("/.git/config")]
    [InlineData("/.htaccess")]
    [InlineData("/phpmyadmin/index.php")]
    [InlineData("/backup.sql")]
    [InlineData("/server-status")]
    [InlineData("/cgi-bin/test.cgi")]
    [InlineData("/cgi-bin/test-cgi")]
    [InlineData("/cgi-bin/printenv")]
    [InlineData("/.ssh/id_rsa")]
    public void Finds_probes_for_sensitive_files(string uri)
    {
        Assert.Equal(UriThreat.SensitiveFile, UriThreatDetector.Detect(uri));
    }

    [Theory]
    [InlineData("/cgi-bin/imagemap/countdown?107,194")]
    [InlineData("/cgi-bin/search.pl?q=shuttle")]
    [InlineData("/cgi-bin/")]
    public void A_directory_the_server_uses_is_not_a_probe_by_itself(string uri)
    {
        Assert.Equal(UriThreat.None, UriThreatDetector.Detect(uri));
    }

    [Fact]
    public void Reports_every_pattern_a_uri_contains()
    {
        var threats = UriThreatDetector.Detect("/view?f=../../etc/passwd&q=%3Cscript%3E&id=1%20union%20select%201");

        Assert.Equal(UriThreat.PathTraversal | UriThreat.SensitiveFile | UriThreat.CrossSiteScripting | UriThreat.SqlInjection, threats);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/presentations/logstash-monitorama-2013/images/kibana-search.png")]
    [InlineData("/blog/geekery/disabling-battery-in-ubuntu-vms.html?utm_source=feedburner&utm_medium=feed")]
    [InlineData("/scripts/?C=M;O=A")]
    [InlineData("/presentations/logstash-1/js/coffee-script.js")]
    [InlineData("/scripts/netcat-webserver")]
    [InlineData("/search?q=rock+%26+roll")]
    [InlineData("/search?q=tom%27s+diner")]
    [InlineData("/blog/how-to-select-from-a-list")]
    [InlineData("/articles/or-else.html")]
    [InlineData("/files/report..final.pdf")]
    [InlineData("/images/..png")]
    [InlineData("/docs/environment.html")]
    [InlineData("/a%20b/c%2Fd")]
    [InlineData("/?s=100%")]
    [InlineData("/x?p=%zz")]
    [InlineData("/x?p=%E0%A4%A")]
    public void Finds_nothing_in_ordinary_uris(string uri)
    {
        Assert.Equal(UriThreat.None, UriThreatDetector.Detect(uri));
    }

    [Fact]
    public void Does_not_take_a_matrix_parameter_named_id_for_a_command()
    {
        // ";id=42" is a matrix parameter (RFC 3986 path parameters, JAX-RS @MatrixParam), not "; id".
        Assert.Equal(UriThreat.None, UriThreatDetector.Detect("/catalog/items;id=42"));
    }

    [Fact]
    public void Flags_only_wordpress_probes_in_the_real_elastic_log()
    {
        var records = ElasticLog.Records;
        var threats = ElasticLog.Features.UriThreats;
        var flagged = Enumerable.Range(0, records.Count).Where(i => threats[i] != UriThreat.None).ToArray();
        foreach (var group in flagged.GroupBy(i => (records[i].Uri, records[i].Status, threats[i])))
        {
            output.WriteLine($"{group.Count(),3} × {group.Key.Status} {group.Key.Item3}: {group.Key.Uri}");
        }

        // semicomplete.com is not a WordPress site: every /wp-admin/ or /wp-login.php request is a probe and got a 404.
        Assert.InRange(flagged.Length, 1, records.Count / 200);
        Assert.All(flagged, i =>
        {
            Assert.Equal(UriThreat.SensitiveFile, threats[i]);
            Assert.Matches("/wp-(admin|login)", records[i].Uri);
            Assert.Equal(404, records[i].Status);
        });
        var allProbes = Enumerable.Range(0, records.Count).Where(i => records[i].Uri.Contains("/wp-admin", StringComparison.Ordinal) || records[i].Uri.Contains("/wp-login", StringComparison.Ordinal));
        Assert.Equal(allProbes, flagged);
    }

    [Fact]
    public void Does_not_flag_the_real_logs_uris_that_merely_look_odd()
    {
        // These occur in the elastic log; each contains a word or character the patterns look for.
        string[] odd = ["/scripts/?C=M;O=A", "/presentations/logstash-1/js/coffee-script.js", "/scripts/netcat-webserver", "/scripts/python/wrap.backup/"];
        var uris = ElasticLog.Records.Select(r => r.Uri).ToHashSet();

        Assert.All(odd, uri =>
        {
            Assert.Contains(uri, uris);
            Assert.Equal(UriThreat.None, UriThreatDetector.Detect(uri));
        });
    }

    [Theory]
    [InlineData("/a/../../etc/passwd", UriThreat.PathTraversal, "../")]
    [InlineData("/a?x=%3Cscript%3Ealert(1)", UriThreat.CrossSiteScripting, "<script")]
    [InlineData("/a?id=1%20UNION%20SELECT%20a", UriThreat.SqlInjection, "UNION SELECT")]
    [InlineData("/a?q=" + "<iframe src=http://very.long.example.com/evil>", UriThreat.CrossSiteScripting, "<iframe src=http://very.…")]
    public void Quotes_the_matching_text_as_evidence(string uri, UriThreat threat, string evidence)
    {
        Assert.Equal(evidence, UriThreatDetector.Evidence(uri, threat));
    }

    [Fact]
    public void Gives_no_evidence_for_a_pattern_that_does_not_match()
    {
        Assert.Null(UriThreatDetector.Evidence("/index.html", UriThreat.PathTraversal));
        Assert.Null(UriThreatDetector.Evidence("/../x", UriThreat.SqlInjection));
    }
}

using AnomalyStudio.Core.Features;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Features;

public sealed class UserAgentClassifierTests
{
    [Theory]
    [InlineData("sqlmap/1.7.2#stable (https://sqlmap.org)", "sqlmap")]
    [InlineData("Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000001)", "nikto")]
    [InlineData("Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)", "nmap")]
    [InlineData("masscan/1.3 (https://github.com/robertdavidgraham/masscan)", "masscan")]
    [InlineData("Mozilla/5.0 zgrab/0.x", "zgrab")]
    [InlineData("WPScan v3.8.22 (https://wpscan.com/wordpress-security-scanner)", "wpscan")]
    public void Recognises_attack_and_reconnaissance_tools(string userAgent, string tool)
    {
        Assert.Equal(UserAgentKind.Scanner, UserAgentClassifier.Classify(userAgent));
        Assert.Equal(tool, UserAgentClassifier.ToolName(userAgent));
    }

    [Theory]
    [InlineData("curl/7.22.0 (i686-pc-linux-gnu) libcurl/7.22.0 OpenSSL/1.0.1 zlib/1.2.3.4 libidn/1.23 librtmp/2.3", "curl")]
    [InlineData("python-requests/1.2.0 CPython/2.7.4 Linux/3.8.0-33-generic", "python-requests")]
    [InlineData("Python-urllib/2.7", "python-urllib")]
    [InlineData("Wget/1.14 (linux-gnu)", "wget")]
    [InlineData("Go-http-client/1.1", "go-http-client")]
    [InlineData("Java/1.8.0_151", "java")]
    [InlineData("LWP::Simple/5.827 libwww-perl/5.833", "libwww-perl")]
    public void Recognises_scripting_clients(string userAgent, string tool)
    {
        Assert.Equal(UserAgentKind.ScriptClient, UserAgentClassifier.Classify(userAgent));
        Assert.Equal(tool, UserAgentClassifier.ToolName(userAgent));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("   ")]
    [InlineData(" - ")]
    public void Calls_an_empty_or_dash_user_agent_empty(string userAgent)
    {
        Assert.Equal(UserAgentKind.Empty, UserAgentClassifier.Classify(userAgent));
        Assert.Null(UserAgentClassifier.ToolName(userAgent));
    }

    [Fact]
    public void Calls_a_missing_user_agent_field_not_logged()
    {
        Assert.Equal(UserAgentKind.NotLogged, UserAgentClassifier.Classify(null));
        Assert.Null(UserAgentClassifier.ToolName(null));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36")]
    [InlineData("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    public void Calls_other_user_agents_browsers(string userAgent)
    {
        Assert.Equal(UserAgentKind.Browser, UserAgentClassifier.Classify(userAgent));
        Assert.Null(UserAgentClassifier.ToolName(userAgent));
    }

    [Fact]
    public void Classifies_the_real_logs_user_agents_without_mistaking_browsers()
    {
        var records = ElasticLog.Records;
        var kinds = ElasticLog.Features.UserAgents;
        var dashLines = File.ReadLines(ElasticLog.Path).Count(line => line.EndsWith(" \"-\"", StringComparison.Ordinal));

        // Counted from the raw text: lines whose last field is "-".
        Assert.Equal(dashLines, kinds.Count(k => k == UserAgentKind.Empty));
        Assert.DoesNotContain(UserAgentKind.Scanner, kinds);
        Assert.DoesNotContain(UserAgentKind.NotLogged, kinds);
        Assert.All(
            Enumerable.Range(0, records.Count).Where(i => records[i].UserAgent!.Contains("Gecko", StringComparison.Ordinal)),
            i => Assert.Equal(UserAgentKind.Browser, kinds[i]));
        Assert.Contains(UserAgentKind.ScriptClient, kinds);
        Assert.True(kinds.Count(k => k == UserAgentKind.Browser) > 0.95 * records.Count);
    }
}

using AnomalyStudio.Core.Parsing.LineLogs;

namespace AnomalyStudio.Tests.Core.Parsing.LineLogs;

public sealed class LineLogHeaderParserTests
{
    [Fact]
    public void Reads_apache_2_4_module_pid_and_client_out_of_the_message()
    {
        const string line = "[Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 35708:tid 4328636416] [client 72.15.99.187:5012] File does not exist: /usr/local/apache2/htdocs/favicon.ico";

        Assert.True(LineLogHeaderParser.TryParse(LineLogShape.ApacheError, line, out var header));

        Assert.Equal("error", header.Level);
        Assert.Equal("core", header.Component);
        Assert.Equal("35708", header.Pid);
        Assert.Equal("72.15.99.187:5012", header.Client);
        Assert.Equal("File does not exist: /usr/local/apache2/htdocs/favicon.ico", header.Message);
        Assert.Equal(new DateTimeOffset(2000, 10, 11, 14, 32, 52, 123, TimeSpan.Zero).AddTicks(4560), header.Timestamp);
    }

    [Theory]
    [InlineData("<13>Feb  5 17:32:18 10.0.0.99 myapp: Use the BFG!", "notice", "myapp", null)]
    [InlineData("Jun 15 04:06:18 combo su(pam_unix)[21416]: session opened for user cyrus by (uid=0)", null, "su(pam_unix)", "21416")]
    [InlineData("Jun 15 04:06:20 combo last message repeated 2 times", null, null, null)]
    public void Reads_a_bsd_syslog_header_with_or_without_priority_and_tag(string line, string? level, string? process, string? pid)
    {
        Assert.True(LineLogHeaderParser.TryParse(LineLogShape.BsdSyslog, line, out var header));

        Assert.Equal(level, header.Level);
        Assert.Equal(process, header.Process);
        Assert.Equal(pid, header.Pid);
        Assert.True(header.YearMissing);
    }

    [Theory]
    [InlineData("Connection refused: port 80")]
    [InlineData("ERROR something bare, without a timestamp or brackets")]
    [InlineData("2024-13-45 99:00:00 ERROR not a date")]
    public void Does_not_take_ordinary_text_for_an_application_log_header(string line)
    {
        Assert.False(LineLogHeaderParser.TryParse(LineLogShape.Application, line, out _));
    }

    [Fact]
    public void Keeps_a_word_followed_by_a_colon_in_the_message_rather_than_taking_it_for_a_logger()
    {
        Assert.True(LineLogHeaderParser.TryParse(LineLogShape.Application, "2024-05-01 12:00:00 WARN Error: disk full", out var header));

        Assert.Null(header.Component);
        Assert.Equal("Error: disk full", header.Message);
    }

    [Fact]
    public void Recognises_no_shape_in_a_csv_header_or_plain_prose()
    {
        Assert.Null(LineLogLayouts.Recognise(["timestamp,host,latency_ms", "2024-05-01T12:00:00Z,web-1,120"]));
        Assert.Null(LineLogLayouts.Recognise(["just some words", "more words"]));
    }
}

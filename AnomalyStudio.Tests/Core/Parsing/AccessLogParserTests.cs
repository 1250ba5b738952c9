using System.Text;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Parsing;

public sealed class AccessLogParserTests
{
    private const string Good = "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"agent\"";

    private static AccessLogParseResult Parse(string text, ParseLimits? limits = null)
    {
        using var stream = TextInput.Utf8(text);
        return new AccessLogParser().Parse(stream, limits);
    }

    private static AccessLogRecord Single(string line)
    {
        var result = Parse(line + "\n");
        Assert.Equal(0, result.Skipped.Count);
        return Assert.Single(result.Records);
    }

    [Fact]
    public void Parses_every_field_of_a_combined_format_line()
    {
        // The first line of the real elastic log.
        var first = ElasticLog.Records[0];

        Assert.Equal(1, first.Line);
        Assert.Equal("83.149.9.216", first.Ip);
        Assert.Equal("-", first.Ident);
        Assert.Equal("-", first.User);
        Assert.Equal(new DateTimeOffset(2015, 5, 17, 10, 5, 3, TimeSpan.Zero), first.Timestamp);
        Assert.Equal(TimeSpan.Zero, first.Timestamp.Offset);
        Assert.Equal("GET", first.Method);
        Assert.Equal("/presentations/logstash-monitorama-2013/images/kibana-search.png", first.Uri);
        Assert.Equal("HTTP/1.1", first.Protocol);
        Assert.Equal(200, first.Status);
        Assert.Equal(203023, first.Bytes);
        Assert.Equal("http://semicomplete.com/presentations/logstash-monitorama-2013/", first.Referrer);
        Assert.Equal(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/32.0.1700.77 Safari/537.36",
            first.UserAgent);
    }

    [Fact]
    public void Parses_common_log_format_without_referrer_and_user_agent()
    {
        // The example of Apache's own documentation (mod_log_config, "Common Log Format").
        var record = Single("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326");

        Assert.Equal("127.0.0.1", record.Ip);
        Assert.Equal("frank", record.User);
        Assert.Equal("/apache_pb.gif", record.Uri);
        Assert.Equal("HTTP/1.0", record.Protocol);
        Assert.Equal(2326, record.Bytes);
        Assert.Null(record.Referrer);
        Assert.Null(record.UserAgent);
    }

    [Fact]
    public void Reads_a_dash_response_size_as_zero()
    {
        var record = Single("1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /cached HTTP/1.1\" 304 - \"-\" \"agent\"");

        Assert.Equal(304, record.Status);
        Assert.Equal(0, record.Bytes);
    }

    [Fact]
    public void Keeps_escaped_quotes_inside_the_user_agent_and_referrer()
    {
        // Apache writes a quote inside a field as \" ; the field ends only at an unescaped quote.
        var record = Single(
            "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 5 \"http://r/?q=\\\"x\\\"\" \"Mozilla/5.0 \\\"quoted\\\" agent\"");

        Assert.Equal("http://r/?q=\\\"x\\\"", record.Referrer);
        Assert.Equal("Mozilla/5.0 \\\"quoted\\\" agent", record.UserAgent);
    }

    [Fact]
    public void Ends_a_field_at_a_quote_after_an_escaped_backslash()
    {
        // agent\\" is an escaped backslash followed by the closing quote.
        var record = Single("1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"agent\\\\\"");

        Assert.Equal("agent\\\\", record.UserAgent);
    }

    [Fact]
    public void Accepts_an_ipv6_client()
    {
        var record = Single("2001:db8::ff00:42:8329 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"agent\"");

        Assert.Equal("2001:db8::ff00:42:8329", record.Ip);
    }

    [Theory]
    [InlineData("-", "-", "", "")]
    [InlineData("\\x16\\x03\\x01\\x00\\xa5", "\\x16\\x03\\x01\\x00\\xa5", "", "")]
    [InlineData("GET", "GET", "", "")]
    [InlineData("", "", "", "")]
    [InlineData("GET /no-protocol", "GET", "/no-protocol", "")]
    [InlineData("GET /a b HTTP/1.1", "GET", "/a b", "HTTP/1.1")]
    public void Keeps_odd_request_lines_instead_of_skipping_them(string request, string method, string uri, string protocol)
    {
        var record = Single($"1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"{request}\" 400 0 \"-\" \"-\"");

        Assert.Equal(method, record.Method);
        Assert.Equal(uri, record.Uri);
        Assert.Equal(protocol, record.Protocol);
        Assert.Equal(400, record.Status);
    }

    [Fact]
    public void Reads_crlf_line_endings()
    {
        var result = Parse(Good + "\r\n" + Good.Replace("\"agent\"", "\"other\"") + "\r\n");

        Assert.Equal(0, result.Skipped.Count);
        Assert.Equal(["agent", "other"], result.Records.Select(r => r.UserAgent));
        Assert.Equal([1L, 2L], result.Records.Select(r => r.Line));
    }

    [Fact]
    public void Passes_over_blank_lines_without_reporting_them()
    {
        var result = Parse("\n" + Good + "\n\n   \r\n" + Good + "\n\n");

        Assert.Equal(0, result.Skipped.Count);
        Assert.Equal([2L, 5L], result.Records.Select(r => r.Line));
        Assert.Equal(6, result.TotalLines);
    }

    [Fact]
    public void Skips_malformed_lines_and_reports_their_numbers()
    {
        const string time = "[17/May/2015:10:05:03 +0000]";
        string[] lines =
        [
            "garbage",
            Good,
            "1.2.3.4 - - 17/May/2015:10:05:03 \"GET / HTTP/1.1\" 200 5",
            $"1.2.3.4 - - [yesterday] \"GET / HTTP/1.1\" 200 5",
            $"1.2.3.4 - - {time} GET / HTTP/1.1 200 5",
            $"1.2.3.4 - - {time} \"GET / HTTP/1.1\" 2000 5",
            $"1.2.3.4 - - {time} \"GET / HTTP/1.1\" 200 lots",
            $"1.2.3.4 - - {time} \"GET / HTTP/1.1\" 200",
            "1.2.3.4 - - [17/May/2015:10:05:03 +0000 \"GET / HTTP/1.1\" 200 5",
            $"1.2.3.4 - - [32/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 5",
            $"1.2.3.4 - - {time} \"GET / HTTP/1.1\" 200 5 \"referrer only\"",
            $"1.2.3.4 - - {time} \"GET / HTTP/1.1\" 200 -5",
            Good,
        ];

        var result = Parse(string.Join('\n', lines));

        Assert.Equal([2L, 13L], result.Records.Select(r => r.Line));
        Assert.Equal(11, result.Skipped.Count);
        var expected = new (long Line, string Reason)[]
        {
            (1, "too few fields"),
            (3, "expected '['"),
            (4, "timestamp 'yesterday'"),
            (5, "quoted request"),
            (6, "status '2000'"),
            (7, "response size 'lots'"),
            (8, "response size is missing"),
            (9, "no closing ']'"),
            (10, "timestamp '32/May/2015"),
            (11, "quoted referrer and user agent"),
            (12, "response size '-5'"),
        };
        Assert.Equal(expected.Select(e => e.Line), result.Skipped.Examples.Select(e => e.LineNumber));
        Assert.All(
            expected.Zip(result.Skipped.Examples),
            pair => Assert.Contains(pair.First.Reason, pair.Second.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Counts_every_skipped_line_but_keeps_only_the_first_examples()
    {
        var text = new StringBuilder(Good).Append('\n');
        for (var i = 0; i < 30; i++)
        {
            text.Append("not a log line ").Append(i).Append('\n');
        }

        var result = Parse(text.ToString());

        Assert.Single(result.Records);
        Assert.Equal(30, result.Skipped.Count);
        Assert.Equal(SkippedLines.KeptExamples, result.Skipped.Examples.Count);
        Assert.Equal(Enumerable.Range(2, 20).Select(i => (long)i), result.Skipped.Examples.Select(e => e.LineNumber));
    }

    [Fact]
    public void Throws_with_the_first_reason_when_no_line_is_an_access_log_record()
    {
        var error = Assert.Throws<InvalidInputException>(() => Parse("hello world\nsecond line here\n"));

        Assert.Equal("None of the 2 lines is an access-log record. Line 1: too few fields for an access-log line.", error.Message);
        Assert.Equal(1, error.LineNumber);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n\r\n")]
    public void Throws_for_a_file_without_lines(string text)
    {
        var error = Assert.Throws<InvalidInputException>(() => Parse(text));

        Assert.Equal("The file has no access-log lines.", error.Message);
    }

    [Theory]
    [InlineData("-0700", -7, 0, "2000-10-10T20:55:36Z")]
    [InlineData("-0330", -3, -30, "2000-10-10T17:25:36Z")]
    [InlineData("+0530", 5, 30, "2000-10-10T08:25:36Z")]
    public void Keeps_the_timezone_offset_of_each_timestamp(string zone, int hours, int minutes, string utc)
    {
        var record = Single($"1.2.3.4 - - [10/Oct/2000:13:55:36 {zone}] \"GET / HTTP/1.1\" 200 5");

        Assert.Equal(new TimeSpan(hours, minutes, 0), record.Timestamp.Offset);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), record.Timestamp);
        Assert.Equal(new DateTime(2000, 10, 10, 13, 55, 36), record.Timestamp.DateTime);
    }

    [Theory]
    [InlineData("29/Feb/2015:10:05:03 +0000")]
    [InlineData("31/Apr/2015:10:05:03 +0000")]
    [InlineData("17/Foo/2015:10:05:03 +0000")]
    [InlineData("17/May/2015:24:05:03 +0000")]
    [InlineData("17/May/2015:10:05:03 +1500")]
    [InlineData("17/May/2015:10:05:03 0000")]
    [InlineData("17/May/2015 10:05:03 +0000")]
    public void Refuses_impossible_timestamps(string timestamp)
    {
        var result = Parse(Good + "\n" + $"1.2.3.4 - - [{timestamp}] \"GET / HTTP/1.1\" 200 5\n");

        var skipped = Assert.Single(result.Skipped.Examples);
        Assert.Equal(2, skipped.LineNumber);
        Assert.Contains("timestamp", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_a_leap_day_and_folds_a_leap_second_into_the_next_second()
    {
        var leapDay = Single("1.2.3.4 - - [29/Feb/2016:10:05:03 +0000] \"GET / HTTP/1.1\" 200 5");
        var leapSecond = Single("1.2.3.4 - - [31/Dec/2016:23:59:60 +0000] \"GET / HTTP/1.1\" 200 5");

        Assert.Equal(new DateTimeOffset(2016, 2, 29, 10, 5, 3, TimeSpan.Zero), leapDay.Timestamp);
        Assert.Equal(new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero), leapSecond.Timestamp);
    }

    [Fact]
    public void Ignores_fields_logged_after_the_user_agent()
    {
        // Many sites append fields to the combined format, such as X-Forwarded-For and the request time.
        var record = Single(Good + " \"10.0.0.7\" 0.123");

        Assert.Equal("agent", record.UserAgent);
        Assert.Equal(5, record.Bytes);
    }

    [Fact]
    public void Parses_the_whole_real_elastic_log_keeping_its_one_truncated_user_agent()
    {
        var result = ElasticLog.Result;
        var rawLine = File.ReadLines(ElasticLog.Path).ElementAt(8898);

        // Line 8,899 of the source file ends inside the user agent: its closing quote is missing in the data.
        // The record is otherwise whole, so it is kept with the user agent as far as it goes.
        Assert.Equal(1, rawLine.Count(c => c == '"') % 2);
        Assert.Equal(10_000, result.TotalLines);
        Assert.Equal(10_000, result.Records.Count);
        Assert.Equal(0, result.Skipped.Count);
        Assert.Equal("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html", result.Records[8_898].UserAgent);
        Assert.Equal(Enumerable.Range(1, 10_000).Select(line => (long)line), result.Records.Select(r => r.Line));
        Assert.All(result.Records, r =>
        {
            Assert.InRange(r.Timestamp, new DateTimeOffset(2015, 5, 17, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2015, 5, 21, 0, 0, 0, TimeSpan.Zero));
            Assert.InRange(r.Status, 200, 599);
            Assert.NotNull(r.UserAgent);
            Assert.StartsWith("HTTP/1.", r.Protocol, StringComparison.Ordinal);
        });
    }

    public static TheoryData<string, int, int, bool> LongLines => new()
    {
        // A small file, read into the buffer in one go; the long line ends with a newline.
        { "inside the read buffer", 1_024, 2_000, true },
        { "inside the read buffer, default limit", ParseLimits.Default.MaxLineBytes, 70_000, true },
        // The long line is the last one and has no newline.
        { "last line without a newline", 1_024, 2_000, false },
        // The long line is longer than the reader's 1 MiB buffer.
        { "longer than the read buffer", ParseLimits.Default.MaxLineBytes, 2_000_000, true },
    };

    [Theory]
    [MemberData(nameof(LongLines))]
    public void Skips_a_line_longer_than_the_limit_and_says_why(string where, int limit, int uriLength, bool newlineAfter)
    {
        _ = where; // names the case in the test output
        var text = new StringBuilder()
            .Append(Good).Append('\n')
            .Append($"1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /{new string('a', uriLength)} HTTP/1.1\" 200 5 \"-\" \"agent\"");
        if (newlineAfter)
        {
            text.Append('\n').Append(Good).Append('\n');
        }

        var result = Parse(text.ToString(), new ParseLimits { MaxLineBytes = limit });

        var skipped = Assert.Single(result.Skipped.Examples);
        Assert.Equal(2, skipped.LineNumber);
        Assert.Equal($"line is longer than {limit:N0} bytes", skipped.Reason);
        Assert.Equal(newlineAfter ? [1L, 3L] : [1L], result.Records.Select(r => r.Line));
    }

    [Fact]
    public void Refuses_a_file_with_more_records_than_the_limit()
    {
        var error = Assert.Throws<InvalidInputException>(
            () => Parse($"{Good}\n{Good}\n{Good}\n", new ParseLimits { MaxRecords = 2 }));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("more than 2 records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_file_over_the_record_limit_when_blocks_parsed_in_parallel_each_pass_it()
    {
        // Several 1 MB blocks, each alone over the limit: the parallel parse must still report the first line over it.
        var text = string.Concat(Enumerable.Repeat(Good + "\n", 4 * 1024 * 1024 / Good.Length));

        var error = Assert.Throws<InvalidInputException>(() => Parse(text, new ParseLimits { MaxRecords = 100 }));

        Assert.Contains("more than 100 records", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.LineNumber);
    }
}

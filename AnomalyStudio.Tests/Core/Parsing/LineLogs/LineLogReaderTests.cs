using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Parsing.LineLogs;
using AnomalyStudio.Tests.Support;
using Xunit.Abstractions;

namespace AnomalyStudio.Tests.Core.Parsing.LineLogs;

public sealed class LineLogReaderTests(ITestOutputHelper output)
{
    private static CsvTable Read(string text, LineLogShape shape, ParseLimits? limits = null)
    {
        using var stream = TextInput.Utf8(text);
        return new LineLogReader().Read(stream, shape, limits);
    }

    private static CsvColumn Column(CsvTable table, string name) => Assert.Single(table.Columns, c => c.Name == name);

    /// <summary>The column's cells as the user reads them: a missing cell is empty.</summary>
    private static string[] Texts(CsvTable table, string name) => [.. Column(table, name).Texts!.Select(t => t ?? string.Empty)];

    [Fact]
    public void Reads_every_line_of_the_real_apache_error_log_with_its_level_and_a_few_templates()
    {
        using var stream = File.OpenRead(TestData.Shared("logs", "Apache_2k.log"));
        using var sniffed = FormatDetector.Detect(stream, "Apache_2k.log");

        var table = new LineLogReader().Read(sniffed.Content, sniffed.LineLogLayout!);

        Assert.Equal(2_000, table.RowCount);
        Assert.Equal(0, table.Skipped.Count);
        Assert.Equal(["error", "notice"], Texts(table, "level").Distinct().Order());
        var templates = Texts(table, "template").Distinct().ToList();
        output.WriteLine(string.Join("\n", templates));
        Assert.InRange(templates.Count, 6, 12); // loghub's Apache 2k has 6 event templates
        Assert.Contains("jk2_init() Found child <*> in scoreboard slot <*>", templates);
        Assert.Equal(templates.Count, Texts(table, "template_id").Distinct().Count());
        Assert.Equal(new DateTimeOffset(2005, 12, 4, 4, 47, 44, TimeSpan.Zero), table.Timestamps![0]);
        Assert.All(table.Timestamps, t => Assert.NotNull(t));
        Assert.Equal("workerEnv.init() ok /etc/httpd/conf/workers2.properties", Texts(table, "message")[0]);
        Assert.Equal(ColumnRole.Level, Column(table, "level").Role);
        Assert.Equal(ColumnRole.Text, Column(table, "message").Role);
        Assert.Equal(ColumnRole.Categorical, Column(table, "template").Role);
        Assert.StartsWith($"Read as a line log (Apache error log header): 2,000 lines, {templates.Count} templates", table.Notes[0]);
        Assert.Equal("client", table.Actor); // the header's [client …], not the config paths of its messages
    }

    [Fact]
    public void Reads_bsd_syslog_with_host_process_and_pid_in_a_documented_year()
    {
        const string log = """
            Dec 31 23:59:58 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4
            Dec 31 23:59:59 combo sshd(pam_unix)[19937]: check pass; user unknown
            Jan  1 00:00:01 combo su(pam_unix)[21416]: session opened for user cyrus by (uid=0)
            Jan  1 00:00:02 combo kernel: Kernel command line: ro root=LABEL=/ rhgb quiet
            Jan  1 00:00:03 combo sshd(pam_unix)[19940]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.5
            """;

        var table = Read(log, LineLogShape.BsdSyslog);

        Assert.Equal(5, table.RowCount);
        Assert.Equal(["combo"], Texts(table, "host").Distinct());
        Assert.Equal("sshd(pam_unix)", Texts(table, "process")[0]);
        Assert.Equal("kernel", Texts(table, "process")[3]);
        Assert.Equal(["19939", "19937", "21416", "", "19940"], Texts(table, "pid"));
        Assert.Equal(ColumnRole.Identifier, Column(table, "pid").Role);
        Assert.Equal(new DateTimeOffset(2000, 12, 31, 23, 59, 58, TimeSpan.Zero), table.Timestamps![0]);
        Assert.Equal(new DateTimeOffset(2001, 1, 1, 0, 0, 1, TimeSpan.Zero), table.Timestamps[2]); // the year moves on at New Year
        Assert.Equal(Texts(table, "template_id")[0], Texts(table, "template_id")[4]);
        Assert.Contains(table.Notes, n => n.StartsWith("The log's dates have no year: they were read as 2000", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_rfc5424_syslog_with_its_severity_as_the_level()
    {
        const string log = """
            <34>1 2003-10-11T22:14:15.003Z mymachine.example.com su 123 ID47 - 'su root' failed for lonvick on /dev/pts/8
            <165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - [exampleSDID@32473 iut="3" eventSource="Application"] %% It's time to make the do-nuts.
            <14>1 2003-10-11T22:15:00.000Z mymachine.example.com su - ID47 - 'su root' failed for alice on /dev/pts/9
            """;

        var table = Read(log, LineLogShape.Rfc5424Syslog);

        Assert.Equal(["crit", "notice", "info"], Texts(table, "level"));
        Assert.Equal(["mymachine.example.com", "192.0.2.1", "mymachine.example.com"], Texts(table, "host"));
        Assert.Equal(["su", "myproc", "su"], Texts(table, "process"));
        Assert.Equal(["123", "8710", ""], Texts(table, "pid"));
        Assert.Equal("%% It's time to make the do-nuts.", Texts(table, "message")[1]);
        Assert.Equal(new DateTimeOffset(2003, 8, 24, 12, 14, 15, TimeSpan.Zero).AddTicks(30), table.Timestamps![1]);
        Assert.Equal("'su root' failed for lonvick on /dev/pts/8", Texts(table, "template")[0]); // two user names are not yet a variable (DrainOptions.WordVariants)
    }

    [Fact]
    public void Joins_stack_trace_lines_to_the_application_log_record_above_them()
    {
        const string log = """
            2024-05-01 12:00:01,004 INFO  [main] com.foo.Server - Listening on port 8080
            2024-05-01 12:00:03,123 ERROR [http-nio-8080-exec-1] com.foo.Bar - Request 17 failed
            java.lang.IllegalStateException: connection pool exhausted
                at com.foo.Pool.take(Pool.java:42)
                at com.foo.Bar.handle(Bar.java:17)
            2024-05-01 12:00:04,500 WARN  [http-nio-8080-exec-2] com.foo.Bar - Request 18 slow: 2300 ms
            2024-05-01 12:00:05,000 ERROR [http-nio-8080-exec-3] com.foo.Bar - Request 19 failed
            """;

        var table = Read(log, LineLogShape.Application);

        Assert.Equal(4, table.RowCount);
        Assert.Equal([1L, 2L, 6L, 7L], table.LineNumbers);
        Assert.Equal(["INFO", "ERROR", "WARN", "ERROR"], Texts(table, "level"));
        Assert.Equal("http-nio-8080-exec-1", Texts(table, "thread")[1]);
        Assert.Equal(["com.foo.Server", "com.foo.Bar", "com.foo.Bar", "com.foo.Bar"], Texts(table, "component"));
        Assert.Equal(
            "Request 17 failed\njava.lang.IllegalStateException: connection pool exhausted\n    at com.foo.Pool.take(Pool.java:42)\n    at com.foo.Bar.handle(Bar.java:17)",
            Texts(table, "message")[1]);
        Assert.Equal("Request <*> failed", Texts(table, "template")[1]);
        Assert.Equal(Texts(table, "template_id")[1], Texts(table, "template_id")[3]);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 3, 123, TimeSpan.Zero), table.Timestamps![1]);
        Assert.Contains("3 continuation lines joined to the record above", Assert.Single(table.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_iso_timestamps_with_a_zone_and_bracketed_levels_without_a_timestamp()
    {
        var dated = Read("2024-05-01T12:00:03Z WARN disk almost full\n2024-05-01T12:00:04+02:00 ERROR disk full\n", LineLogShape.Application);
        var undated = Read("[INFO] build started\n[ERROR] test 12 failed\n[INFO] build finished\n", LineLogShape.Application);

        Assert.Equal(["WARN", "ERROR"], Texts(dated, "level"));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 4, TimeSpan.Zero), dated.Timestamps![1]);
        Assert.Equal(["INFO", "ERROR", "INFO"], Texts(undated, "level"));
        Assert.DoesNotContain(undated.Columns, c => c.Name == "timestamp");
        Assert.Equal("test <*> failed", Texts(undated, "template")[1]);
    }

    [Fact]
    public void Skips_lines_before_the_first_header_and_over_long_lines_with_their_numbers()
    {
        var log = "preamble without a header\n[Sun Dec 04 04:47:44 2005] [notice] ok\n" + new string('x', 300) + "\n[Sun Dec 04 04:47:45 2005] [error] bad\n";

        var table = Read(log, LineLogShape.ApacheError, new ParseLimits { MaxLineBytes = 200 });

        Assert.Equal(2, table.RowCount);
        Assert.Equal(2, table.Skipped.Count);
        Assert.Equal(1, table.Skipped.Examples[0].LineNumber);
        Assert.Contains("does not start with the file's Apache error log header", table.Skipped.Examples[0].Reason, StringComparison.Ordinal);
        Assert.Equal(new SkippedLine(3, "line is longer than 200 bytes"), table.Skipped.Examples[1]);
    }

    [Fact]
    public void Refuses_a_file_where_no_line_has_the_header_with_the_first_line_number()
    {
        var error = Assert.Throws<InvalidInputException>(() => Read("just words\nmore words\n", LineLogShape.BsdSyslog));

        Assert.StartsWith("None of the file's 2 lines starts with a syslog header. Line 1:", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Gives_every_row_its_templates_final_text_even_rows_read_before_it_generalised()
    {
        var table = Read("[INFO] opened /home/alice/notes.txt for reading\n[INFO] opened /srv/www/index.html for reading\n", LineLogShape.Application);

        Assert.Equal(["opened <*> for reading", "opened <*> for reading"], Texts(table, "template"));
    }

    [Fact]
    public void Rows_after_the_typing_sample_keep_the_time_their_header_gave()
    {
        var start = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var lines = Enumerable.Range(0, CsvTableReader.TypingSampleRows + 500).Select(i =>
            $"{start.AddMilliseconds(1_001L * i):yyyy-MM-dd HH:mm:ss,fff} INFO [main] com.foo.Bar - request {i} served");

        var table = Read(string.Join('\n', lines) + "\n", LineLogShape.Application);

        Assert.Equal(CsvTableReader.TypingSampleRows + 500, table.RowCount);
        Assert.Equal(Enumerable.Range(0, table.RowCount).Select(i => (DateTimeOffset?)start.AddMilliseconds(1_001L * i)), table.Timestamps!);
        Assert.Equal(start.AddMilliseconds(1_001L * 2_400).ToString("o", System.Globalization.CultureInfo.InvariantCulture), Texts(table, "timestamp")[2_400]);
    }
}

using AnomalyStudio.Core.Formats;
using System.Globalization;
using System.Text;
using AnomalyStudio.Core.Formats.LineLog;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Parsing.LineLogs;
using AnomalyStudio.Tests.Support;
using Microsoft.VisualBasic.FileIO;
using Xunit.Abstractions;

namespace AnomalyStudio.Tests.Core.Parsing.LineLogs;

/// <summary>
/// Every loghub system in ../shared/data, detected without configuration and read field by field as loghub's own parse
/// (<c>*_structured.csv</c>) gives it. HDFS, BGL and Thunderbird have no raw sample there: their lines are rebuilt from
/// the structured columns with loghub's format strings.
/// </summary>
public sealed class LoghubLineLogTests(ITestOutputHelper output)
{
    /// <summary>A system: its layout, how its structured row spells the timestamp, and which columns hold level, component and pid.</summary>
    public sealed record LoghubSystem(
        string Name,
        string Layout,
        Func<Dictionary<string, string>, DateTimeOffset> Timestamp,
        string? Level,
        Func<Dictionary<string, string>, string>? Component,
        string? ComponentColumn,
        string? Pid,
        Func<Dictionary<string, string>, string>? RawLine = null);

    private static readonly Dictionary<string, LoghubSystem> Systems = new LoghubSystem[]
    {
        new("Android", "logcat", r => Exact($"2000-{r["Date"]} {r["Time"]}", "yyyy-MM-dd HH:mm:ss.fff"), "Level", r => r["Component"], "component", "Pid"),
        new("Hadoop", "log4j-thread", r => Exact($"{r["Date"]} {r["Time"]}", "yyyy-MM-dd HH:mm:ss,fff"), "Level", r => r["Component"], "component", null),
        new("HealthApp", "healthapp", r => HealthApp(r["Time"]), null, r => r["Component"], "component", "Pid"),
        new("Mac", "syslog", r => Exact($"2000 {r["Month"]} {r["Date"]} {r["Time"]}", "yyyy MMM d HH:mm:ss"), null, r => r["Component"], "process", "PID"),
        new("OpenStack", "openstack", r => Exact($"{r["Date"]} {r["Time"]}", "yyyy-MM-dd HH:mm:ss.fff"), "Level", r => r["Component"], "component", "Pid"),
        new("Proxifier", "proxifier", r => Exact($"2000.{r["Time"]}", "yyyy.MM.dd HH:mm:ss"), null, r => r["Program"], "component", null),
        new("Spark", "log4j", r => Exact($"{r["Date"]} {r["Time"]}", "yy/MM/dd HH:mm:ss"), "Level", r => r["Component"], "component", null),
        new("Windows", "windows-cbs", r => Exact($"{r["Date"]} {r["Time"]}", "yyyy-MM-dd HH:mm:ss"), "Level", r => r["Component"], "component", null),
        // loghub's own split of "[QuorumPeer[myid=1]/0:0:0:…:2181:FastLeaderElection@774]" cuts at the first colon; ours at the last.
        new("Zookeeper", "zookeeper", r => Exact($"{r["Date"]} {r["Time"]}", "yyyy-MM-dd HH:mm:ss,fff"), "Level", r => $"{r["Node"]}:{r["Component"]}", "thread:component", null),
        new("HDFS", "hdfs", r => Exact($"{r["Date"]} {r["Time"]}", "yyMMdd HHmmss"), "Level", r => r["Component"], "component", "Pid",
            r => $"{r["Date"]} {r["Time"]} {r["Pid"]} {r["Level"]} {r["Component"]}: {r["Content"]}"),
        new("BGL", "bgl", r => Exact(r["Time"], "yyyy-MM-dd-HH.mm.ss.ffffff"), "Level", r => r["Component"], "component", null,
            r => $"{r["Label"]} {r["Timestamp"]} {r["Date"]} {r["Node"]} {r["Time"]} {r["NodeRepeat"]} {r["Type"]} {r["Component"]} {r["Level"]} {r["Content"]}"),
        new("Thunderbird", "thunderbird", r => Exact($"{r["Date"]} {r["Time"]}", "yyyy.MM.dd HH:mm:ss"), null, r => r["Component"], "component", "PID",
            r => $"{r["Label"]} {r["Timestamp"]} {r["Date"]} {r["User"]} {r["Month"]} {r["Day"]} {r["Time"]} {r["Location"]} {r["Component"]}{(r["PID"].Length > 0 ? $"[{r["PID"]}]" : "")}: {r["Content"]}"),
    }.ToDictionary(s => s.Name);

    public static TheoryData<string> SystemNames => new(Systems.Keys);

    [Theory]
    [MemberData(nameof(SystemNames))]
    public void Reads_every_line_of_a_loghub_system_with_the_fields_of_its_structured_parse(string name)
    {
        var system = Systems[name];
        var (rows, raw) = Load(system);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
        using var sniffed = FormatDetector.Detect(stream, $"{name}_2k.log");
        Assert.Equal(LineLogFormat.FormatName, sniffed.Format.Name);
        Assert.Equal(system.Layout, sniffed.LineLogLayout!.Name);

        var table = new LineLogReader().Read(sniffed.Content, sniffed.LineLogLayout);
        var byLine = Enumerable.Range(0, table.RowCount).ToDictionary(i => table.LineNumbers[i]);
        string Cell(string column, int row) => table.Columns.Single(c => c.Name == column).Texts![row] ?? string.Empty;

        int timestamps = 0, levels = 0, components = 0, pids = 0, messages = 0;
        var misses = new List<string>();
        for (var line = 1; line <= rows.Count; line++)
        {
            var expected = rows[line - 1];
            if (!byLine.TryGetValue(line, out var row))
            {
                misses.Add($"line {line} is no record: {expected["Content"]}");
                continue;
            }

            timestamps += table.Timestamps![row] == system.Timestamp(expected) ? 1 : Miss($"line {line} time {table.Timestamps[row]:o}");
            levels += system.Level is null || Cell("level", row) == expected[system.Level] ? 1 : Miss($"line {line} level {Cell("level", row)}");
            var component = system.ComponentColumn == "thread:component" ? $"{Cell("thread", row)}:{Cell("component", row)}" : Cell(system.ComponentColumn!, row);
            components += component == system.Component!(expected) ? 1 : Miss($"line {line} component '{component}' not '{system.Component(expected)}'");
            pids += system.Pid is null || Cell("pid", row) == expected[system.Pid] ? 1 : Miss($"line {line} pid {Cell("pid", row)}");
            messages += Cell("message", row).Split('\n')[0].Trim() == expected["Content"].Trim() ? 1 : Miss($"line {line} message '{Cell("message", row)}'");
        }

        output.WriteLine($"{name}: {table.RowCount} records of {rows.Count} lines; timestamp {timestamps}, level {levels}, component {components}, pid {pids}, message {messages}");
        output.WriteLine(string.Join("\n", misses.Take(20)));
        var least = rows.Count * 995 / 1000; // (almost) every line: loghub's own parse is not perfect either
        Assert.InRange(table.RowCount, least, rows.Count);
        Assert.All(new[] { timestamps, levels, components, pids, messages }, matched => Assert.InRange(matched, least, rows.Count));

        int Miss(string what)
        {
            misses.Add(what);
            return 0;
        }
    }

    public static TheoryData<string, string> Documented => new()
    {
        // loghub's HPC, Linux, OpenSSH and Apache samples (no copy in ../shared/data) and the common families, one or two lines each.
        { "hpc", "134681 node-246 unix.hw state_change.unavailable 1077804742 1 Component State Change: Component \"alt0\" is in the unavailable state (HWID=1403)\n460040 node-227 unix.hw state_change.unavailable 1084680778 1 Component State Change: Component \"alt0\" is in the unavailable state (HWID=3180)" },
        { "syslog", "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4\nJun 14 15:16:02 combo kernel: Linux version 2.6.5-1.358" },
        { "syslog", "Dec 10 06:55:46 LabSZ sshd[24200]: reverse mapping checking getaddrinfo for ns.marryaldkfaczcz.com [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!\nDec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186" },
        { "syslog", "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8" },
        { "rfc5424", "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\"] An application event log entry" },
        { "apache-error", "[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties\n[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6" },
        { "klog", "I0102 15:04:05.123456    1234 controller.go:123] Starting controller\nE0102 15:04:06.000001    1234 controller.go:140] sync failed: timeout" },
        { "nginx-error", "2024/05/01 12:00:03 [error] 1234#1234: *1 open() \"/usr/share/nginx/html/x\" failed (2: No such file or directory), client: 10.0.0.1, server: localhost\n2024/05/01 12:00:04 [warn] 1234#1234: *2 an upstream response is buffered to a temporary file" },
        { "python", "2024-05-01 12:00:03,123 - app.db - ERROR - connection lost\n2024-05-01 12:00:04,001 - app.db - INFO - reconnected" },
        { "python-basic", "WARNING:root:disk almost full\nERROR:app.db:connection lost" },
        { "logback", "2024-05-01 12:00:03.123 [http-nio-8080-exec-1] WARN  c.e.web.OrderController - Slow request: 1200 ms\n2024-05-01 12:00:04.456 [main] INFO  c.e.Application - Started" },
        { "log4j-thread-dash", "2024-05-01 12:00:03,123 ERROR [main] com.example.OrderService - Request 17 failed, retrying\n\tat com.example.OrderService.handle(OrderService.java:17)\n2024-05-01 12:00:04,456 INFO [worker-2] com.example.OrderService - Request 17 done" },
    };

    [Theory]
    [MemberData(nameof(Documented))]
    public void Recognises_the_documented_headers_of_the_other_systems_and_families(string layout, string text)
    {
        using var stream = TextInput.Utf8(text + "\n");
        using var sniffed = FormatDetector.Detect(stream, "some.log");

        Assert.Equal(layout, sniffed.LineLogLayout?.Name);
        var table = new LineLogReader().Read(sniffed.Content, sniffed.LineLogLayout!);
        Assert.Equal(0, table.Skipped.Count);
        if (layout != "python-basic") // Python's default format has no time
        {
            Assert.All(table.Timestamps!, t => Assert.NotNull(t));
        }
    }

    public static TheoryData<string> LayoutNames => new(LineLogLayouts.All.Select(l => l.Name));

    [Theory]
    [MemberData(nameof(LayoutNames))]
    public void Every_layout_reads_its_own_example_with_a_timestamp_or_level(string name)
    {
        var layout = LineLogLayouts.Find(name)!;

        Assert.True(layout.TryParse(layout.Example, out var header));
        Assert.True(header.Timestamp is not null || header.Level is not null);
        Assert.NotEmpty(header.Message);
    }

    private static (List<Dictionary<string, string>> Rows, string Raw) Load(LoghubSystem system)
    {
        var folder = system.RawLine is null ? "loghub" : "logs";
        var rows = new List<Dictionary<string, string>>();
        using (var parser = new TextFieldParser(TestData.Shared(folder, $"{system.Name}_2k.log_structured.csv")) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false })
        {
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!;
            while (parser.ReadFields() is { } fields)
            {
                rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
            }
        }

        var raw = system.RawLine is null
            ? File.ReadAllText(TestData.Shared("loghub", $"{system.Name}_2k.log"))
            : string.Join("\n", rows.Select(system.RawLine)) + "\n";
        return (rows, raw);
    }

    private static DateTimeOffset Exact(string text, string format) =>
        new(DateTime.ParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None), TimeSpan.Zero);

    // 20171223-22:15:2:606: unpadded hours, minutes, seconds and milliseconds.
    private static DateTimeOffset HealthApp(string text)
    {
        var parts = text[9..].Split(':').Select(int.Parse).ToArray();
        var day = DateTime.ParseExact(text[..8], "yyyyMMdd", CultureInfo.InvariantCulture);
        return new DateTimeOffset(day.Add(new TimeSpan(0, parts[0], parts[1], parts[2], parts[3])), TimeSpan.Zero);
    }
}

namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// The line-log headers recognised without configuration, one entry per system or family, written in loghub's notation
/// (the same as <c>--log-format</c>), and the recognition of which one a sample of lines has. Fields get a tighter
/// pattern only where two layouts would otherwise read the same line. Order breaks ties: the stricter header first, the
/// lenient application header last.
/// </summary>
public static class LineLogLayouts
{
    private const string IsoDate = @"\d{4}[-/.]\d{2}[-/.]\d{2}";
    private const string Clock = @"\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,9})?";

    private static readonly Dictionary<string, string> DatedClock = new() { ["Date"] = IsoDate, ["Time"] = Clock };

    /// <summary>Every built-in layout, in the order ties are broken.</summary>
    public static IReadOnlyList<LineLogLayout> All { get; } =
    [
        LineLogLayout.Of("hdfs", "HDFS header", "<Date> <Time> <Pid> <Level> <Component>: <Content>",
            "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating",
            new Dictionary<string, string> { ["Date"] = @"\d{6}", ["Time"] = @"\d{6}" }),
        LineLogLayout.Of("bgl", "BlueGene/L RAS header", "<Label> <Epoch> <Calendar> <Node> <Time> <NodeRepeat> <Type> <Component> <Level> <Content>",
            "- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected",
            new Dictionary<string, string> { ["Epoch"] = @"\d+", ["Calendar"] = @"\d{4}\.\d{2}\.\d{2}", ["Time"] = @"\d{4}-\d{2}-\d{2}-\d{2}\.\d{2}\.\d{2}\.\d+" }),
        LineLogLayout.Of("thunderbird", "Thunderbird header", @"<Label> <Epoch> <Date> <Host> <Month> <Day> <Time> <Location> <Component>(\[<Pid>\])?: <Content>",
            "- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond(pam_unix)[2915]: session closed for user root",
            new Dictionary<string, string> { ["Epoch"] = @"\d+", ["Date"] = @"\d{4}\.\d{2}\.\d{2}", ["Month"] = "[A-Z][a-z]{2}", ["Day"] = @"\d{1,2}" }),
        LineLogLayout.Of("hpc", "HPC header", "<LogId> <Node> <Component> <State> <Timestamp> <Flag> <Content>",
            "134681 node-246 unix.hw state_change.unavailable 1077804742 1 Component State Change: Component \"alt0\" is in the unavailable state (HWID=1403)",
            new Dictionary<string, string> { ["LogId"] = @"\d+", ["Timestamp"] = @"\d{9,13}", ["Flag"] = @"\d+" }),
        LineLogLayout.Of("openstack", "OpenStack header with its file name", @"<Logrecord> <Date> <Time> <Pid> <Level> <Component> \[<Request>\] <Content>",
            "nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO nova.osapi_compute.wsgi.server [req-38101a0b-2096-447d-96ea-a692162415ae 113d3a99c3da401fbd62cc2caa5b96d2 54fadb412c4e40cdbaed9335e4c35a9e - - -] 10.11.10.1 \"GET /v2/54fadb412c4e40cdbaed9335e4c35a9e/servers/detail HTTP/1.1\" status: 200 len: 1893 time: 0.2477829",
            DatedClock),
        LineLogLayout.Of("oslo", "OpenStack (oslo.log) header", @"<Date> <Time> <Pid> <Level> <Component> \[<Request>\] <Content>",
            "2017-05-16 00:00:00.008 25746 INFO nova.osapi_compute.wsgi.server [req-38101a0b-2096-447d-96ea-a692162415ae - - - - -] 10.11.10.1 \"GET /v2/servers/detail HTTP/1.1\" status: 200",
            DatedClock),
        LineLogLayout.Of("logcat", "Android logcat header", "<Date> <Time> <Pid> <Tid> <Level> <Component>: <Content>",
            "03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogsopening app wtoken = AppWindowToken{9f4ef63 token=Token{a64f992}}",
            new Dictionary<string, string> { ["Date"] = @"\d{2}-\d{2}", ["Time"] = Clock, ["Level"] = "[VDIWEFA]" }),
        LineLogLayout.Of("log4j-thread", "log4j header with a thread", @"<Date> <Time> <Level> \[<Thread>\] <Component>: <Content>",
            "2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster for application appattempt_1445144423722_0020_000001",
            DatedClock),
        LineLogLayout.Of("zookeeper", "ZooKeeper (log4j) header", @"<Date> <Time> - <Level> \[<Thread>:<Component>@<Line>\] - <Content>",
            "2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 3200",
            new Dictionary<string, string> { ["Date"] = IsoDate, ["Time"] = Clock, ["Thread"] = ".*", ["Component"] = @"[^:@\s\]]+", ["Line"] = @"\d+" }),
        LineLogLayout.Of("log4j-thread-dash", "log4j header with a thread", @"<Date> <Time> <Level> \[<Thread>\] <Component> - <Content>",
            "2024-05-01 12:00:03,123 ERROR [main] com.example.OrderService - Request 17 failed, retrying",
            DatedClock),
        LineLogLayout.Of("logback", "logback header", @"<Date> <Time> \[<Thread>\] <Level> <Component> - <Content>",
            "2024-05-01 12:00:03.123 [http-nio-8080-exec-1] WARN  c.e.web.OrderController - Slow request: 1200 ms",
            DatedClock),
        LineLogLayout.Of("python", "Python logging header", "<Date> <Time> - <Component> - <Level> - <Content>",
            "2024-05-01 12:00:03,123 - app.db - ERROR - connection lost",
            DatedClock),
        LineLogLayout.Of("python-basic", "Python logging header", "<Level>:<Component>:<Content>",
            "WARNING:urllib3.connectionpool:Retrying after connection broken",
            new Dictionary<string, string> { ["Level"] = "[A-Z]+", ["Component"] = @"[\w.]+" }),
        LineLogLayout.Of("nginx-error", "nginx error log header", @"<Date> <Time> \[<Level>\] <Pid>#<Tid>: <Content>",
            "2024/05/01 12:00:03 [error] 1234#1234: *1 open() \"/usr/share/nginx/html/x\" failed (2: No such file or directory), client: 10.0.0.1, server: localhost",
            DatedClock),
        LineLogLayout.Of("log4j", "log4j header", "<Date> <Time> <Level> <Component>: <Content>",
            "17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers for [TERM, HUP, INT]",
            new Dictionary<string, string> { ["Date"] = @"\d{2,4}[-/.]\d{2}[-/.]\d{2}", ["Time"] = Clock }),
        LineLogLayout.Of("windows-cbs", "Windows CBS header", "<Date> <Time>, <Level> <Component> <Content>",
            "2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack v6.1.7601.23505 with Core: C:\\Windows\\winsxs\\cbscore.dll",
            DatedClock),
        LineLogLayout.Of("healthapp", "HealthApp header", @"<Time>\|<Component>\|<Pid>\|<Content>",
            "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579",
            new Dictionary<string, string> { ["Time"] = @"\d{8}-\d{1,2}:\d{1,2}:\d{1,2}(?::\d{1,3})?", ["Component"] = @"[^|]*" }),
        LineLogLayout.Of("proxifier", "Proxifier header", @"\[<Time>\] <Program> - <Content>",
            "[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy proxy.cse.cuhk.edu.hk:5070 HTTPS",
            new Dictionary<string, string> { ["Time"] = @"\d{2}\.\d{2} \d{2}:\d{2}:\d{2}", ["Program"] = ".*?" }), // "svchost.exe *64"
        LineLogLayout.Of("klog", "klog/glog header", @"<Level><Date> <Time> <Pid> <Component>\] <Content>",
            "I0102 15:04:05.123456    1234 controller.go:123] Starting controller",
            new Dictionary<string, string> { ["Level"] = "[IWEF]", ["Date"] = @"\d{4}", ["Time"] = Clock, ["Component"] = @"[^\s\]]+" }),
        LineLogLayout.Of("apache-error", LineLogShape.ApacheError, "[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6"),
        LineLogLayout.Of("rfc5424", LineLogShape.Rfc5424Syslog, "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - 'su root' failed for lonvick on /dev/pts/8"),
        LineLogLayout.Of("syslog", LineLogShape.BsdSyslog, "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4"),
        LineLogLayout.Of("application", LineLogShape.Application, "2024-05-01T12:00:03Z WARN disk almost full"),
    ];

    /// <summary>The built-in layout called <paramref name="name"/>, or null.</summary>
    public static LineLogLayout? Find(string name) => All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The built-in layout that reads a <see cref="LineLogShape"/>.</summary>
    public static LineLogLayout Of(LineLogShape shape) => All.First(l => l.Shape == shape);

    /// <summary>
    /// The layout that reads the most sampled lines (the first in <see cref="All"/> on a tie), provided it reads the
    /// first line and, counting lines that look like continuations (stack frames), at least half of the sample; null when none does.
    /// </summary>
    public static LineLogLayout? Recognise(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return null;
        }

        var continuations = lines.Count(LineLogHeaderParser.LooksLikeContinuation);
        LineLogLayout? best = null;
        var bestHeaders = 0;
        foreach (var layout in All)
        {
            if (!layout.TryParse(lines[0], out _))
            {
                continue;
            }

            var headers = 1;
            for (var i = 1; i < lines.Count; i++)
            {
                if (layout.TryParse(lines[i], out _))
                {
                    headers++;
                }
            }

            if (headers > bestHeaders && (headers + continuations) * 2 >= lines.Count && headers * 4 >= lines.Count)
            {
                (best, bestHeaders) = (layout, headers);
            }
        }

        return best;
    }
}

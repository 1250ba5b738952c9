using System.IO.Compression;
using System.Text;

namespace AnomalyStudio.Tests.Support;

/// <summary>
/// The corpus of broken and hostile files that every door (pipeline, CLI, HTTP API, dashboard session) is tested
/// with. Large inputs are generated, once, in memory; each expectation is what a user would want to read.
/// </summary>
public static class HostileInputs
{

    private static readonly Lazy<byte[]> SampleLog = new(() => File.ReadAllBytes(TestData.Samples("sample_access.log")));
    private static readonly Lazy<byte[]> Bomb = new(GzipBomb);
    private static readonly Lazy<byte[]> LineBomb = new(() => GzipBomb([], Encoding.UTF8.GetBytes(SampleLines(1)), 1_536));
    private static readonly Lazy<byte[]> LongLine = new(() =>
        [.. "203.0.113.9 - - [17/May/2015:10:05:03 +0000] \"GET /"u8, .. Enumerable.Repeat((byte)'a', 50 * 1024 * 1024), .. " HTTP/1.1\" 200 5\n"u8]);

    public static IReadOnlyList<HostileInput> All { get; } =
    [
        new("empty file", "empty.log", () => []) { Error = "The file is empty." },
        new("header-only CSV", "header.csv", () => "host,latency_ms,status\n"u8.ToArray()) { Error = "The CSV file has a header but no data rows." },
        new("PNG image", "photo.log", () => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0])
        {
            Error = "The file is binary, not text: it starts with the signature of a PNG image.",
        },
        new("ELF executable", "server.log", () => [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0])
        {
            Error = "The file is binary, not text: it starts with the signature of an ELF executable or library.",
        },
        new("gzip of binary garbage", "garbage.log.gz", () => Gzip(Garbage(4096)))
        {
            Error = "The gzip file's content is binary, not text: ",
        },
        new("UTF-16 LE log with BOM", "utf16.log", () => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(SampleLines(300))])
        {
            Records = 300, Note = "read as UTF-16 LE text",
        },
        new("UTF-16 BE CSV with BOM", "utf16be.csv", () => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Metrics(200, _ => "1"))])
        {
            Records = 200, Note = "read as UTF-16 BE text",
        },
        new("Latin-1 CSV", "latin1.csv", () => Encoding.Latin1.GetBytes(Metrics(200, row => row == 2 ? "Müller-Lüdenscheidt café" : "naïve")))
        {
            Records = 200, Note = "decoded as Latin-1 (ISO-8859-1) because line 2 is not valid UTF-8",
        },
        new("single 50 MB line", "long.log", () => LongLine.Value)
        {
            Error = "Line 1 is longer than 65,536 bytes, the longest line accepted (AnomalyStudio:MaxLineBytes).",
        },
        new("50 MB line inside a log", "long-inside.log", () => [.. Encoding.UTF8.GetBytes(SampleLines(30)), .. LongLine.Value, .. Encoding.UTF8.GetBytes(SampleLines(60)[SampleLines(30).Length..])])
        {
            Records = 60, Skipped = (1, 31, "line is longer than 65,536 bytes"),
        },
        new("10,000 columns", "wide.csv", WideCsv)
        {
            Error = "The CSV header on line 1 has 10,000 columns; at most 2,000 are accepted (AnomalyStudio:MaxColumns).",
        },
        new("ragged rows", "ragged.csv", () => Encoding.UTF8.GetBytes(Metrics(100, _ => "x", row => row switch { 7 => ",extra", 30 => ",1,2", _ => "" })))
        {
            Records = 98, Skipped = (2, 8, "a different number of fields than the header"),
        },
        new("unbalanced quotes", "quotes.csv", () => Encoding.UTF8.GetBytes(Metrics(100, row => row == 10 ? "bro\"ken" : "ok") + "web-9,120,200,\"never closed\n"))
        {
            Records = 99, Skipped = (2, 11, "a quote inside an unquoted field"),
        },
        new("quote never closed mid-file", "unclosed.csv", () => Encoding.UTF8.GetBytes(Metrics(100, row => row == 40 ? "\"never closed" : "ok")))
        {
            Records = 39, Skipped = (61, 41, "a quoted field that is never closed: the rest of the file (60 more lines) is inside it"),
        },
        new("invalid UTF-8 deep in a log", "deep.log", InvalidUtf8PastTheHead)
        {
            Records = 5_000, Note = "Line 3,000 has bytes that are not UTF-8 text (raw bytes, such as an attack's shellcode): they are kept as \\xNN escapes",
        },
        new("access log with shellcode", "honeynet.log", () => ShellcodeAccessLog.Bytes)
        {
            Records = ShellcodeAccessLog.NormalLines + ShellcodeAccessLog.AttackLines, Note = "has bytes that are not UTF-8 text",
        },
        new("random bytes", "random.log", () => Garbage(64 * 1024))
        {
            Error = "The file is binary, not text: ",
        },
        new("log with a run of NUL bytes", "crashed.log", () => [.. Encoding.UTF8.GetBytes(SampleLines(100)), .. new byte[4096], (byte)'\n', .. Encoding.UTF8.GetBytes(SampleLines(200)[SampleLines(100).Length..])])
        {
            Records = 200, Skipped = (1, 101, "too few fields"),
        },
        new("NaN, Infinity and 1e308", "extremes.csv", ExtremeValues) { Records = 200 },
        new("constant columns", "constant.csv", () => Encoding.UTF8.GetBytes("host,latency_ms,status,region\n" + string.Concat(Enumerable.Repeat("web-1,100,200,eu\n", 300))))
        {
            Records = 300,
        },
        new("every line malformed", "broken.log", () => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 500).Select(i => $"##garbage {i} [not a log] \"GET\" ok\n"))))
        {
            Error = "Unsupported format: line 1 is neither an Apache/Nginx access-log line (",
        },
        new("mixed log formats", "mixed.log", MixedFormats)
        {
            Records = 200, Skipped = (100, 3, "expected '[' and a timestamp"),
        },
        new("absurd timestamps", "times.log", AbsurdTimestamps)
        {
            Records = 102, Skipped = (4, 103, "is not dd/MMM/yyyy:HH:mm:ss +zzzz"),
        },
        new("99% valid log", "mostly.log", MostlyValid)
        {
            Records = 990, Skipped = (10, 100, "expected '[' and a timestamp"),
        },
        new("gzipped sample log", "sample_access.log.gz", () => Gzip(SampleLog.Value)) { Records = 5_000 },
        new("gzip bomb", "bomb.log.gz", () => Bomb.Value)
        {
            Error = "The gzip file looks like a decompression bomb: its first ",
        },
        new("gzip bomb of log lines", "lines.log.gz", () => LineBomb.Value)
        {
            Error = "a gzip file may expand at most 100 times (AnomalyStudio:MaxExpansionRatio)",
        },
        new("truncated gzip", "cut.log.gz", () => Gzip(SampleLog.Value)[..40_000])
        {
            Error = "The gzip file is truncated: it ends at byte 40,000 in the middle of compressed data",
        },
        new("truncated gzip CSV", "metrics.csv.gz", () => GzipMetrics()[..(GzipMetrics().Length * 3 / 4)])
        {
            Error = "The gzip file is truncated: it ends at byte",
        },
        new("corrupt gzip CSV", "metrics.csv.gz", CorruptGzip)
        {
            Error = "The gzip file is truncated or corrupt: member 1 ends near byte",
        },
    ];

    private static string Combined(int client, int minute, int bytes) =>
        $"203.0.113.{client} - - [17/May/2015:10:{minute:00}:03 +0000] \"GET /page/{client} HTTP/1.1\" 200 {bytes} \"-\" \"Mozilla/5.0\"";

    private static string Common(int client, int minute, int bytes) =>
        $"198.51.100.{client} - frank [17/May/2015:11:{minute:00}:03 +0000] \"POST /login HTTP/1.0\" 302 {bytes}";

    public static HostileInput Named(string name) => All.Single(i => i.Name == name);

    /// <summary>Every case's name, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Names() => new(All.Select(i => i.Name));

    public static byte[] Gzip(byte[] plain)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        return buffer.ToArray();
    }

    /// <summary>The first <paramref name="count"/> lines of the sample access log.</summary>
    public static string SampleLines(int count) =>
        string.Concat(Encoding.UTF8.GetString(SampleLog.Value).Split('\n').Take(count).Select(l => l + "\n"));

    // Large enough (400 KB decompressed) that the damage is met by the CSV reader, past the head the detector reads.
    private static byte[] GzipMetrics() => Gzip(File.ReadAllBytes(TestData.Samples("sample_metrics.csv")));

    /// <summary>One byte flipped three quarters in: it still inflates, but the member's CRC-32 no longer matches.</summary>
    private static byte[] CorruptGzip()
    {
        var bytes = GzipMetrics();
        bytes[bytes.Length * 3 / 4] ^= 0xFF;
        return bytes;
    }

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        bytes[3] = 0; // random bytes hold a NUL almost surely; this one makes it certain
        return bytes;
    }

    /// <summary>A metrics CSV: host, latency, status and a free-text column, with extra cells appended to some rows.</summary>
    private static string Metrics(int rows, Func<int, string> note, Func<int, string>? extra = null)
    {
        var text = new StringBuilder("host,latency_ms,status,note\n");
        for (var row = 1; row <= rows; row++)
        {
            text.Append($"web-{row % 7},{100 + (row * 37 % 90)},{(row % 13 == 0 ? 500 : 200)},{note(row)}{extra?.Invoke(row)}\n");
        }

        return text.ToString();
    }

    private static byte[] WideCsv()
    {
        var header = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"c{i}"));
        var row = string.Join(",", Enumerable.Range(0, 10_000).Select(i => (i % 10).ToString()));
        return Encoding.UTF8.GetBytes(header + "\n" + row + "\n" + row + "\n");
    }

    private static byte[] ExtremeValues()
    {
        string[] extremes = ["NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1.7976931348623157E+308", "4.9e-324", "inf"];
        var text = new StringBuilder("host,latency_ms,bytes,ratio\n");
        for (var row = 0; row < 200; row++)
        {
            // Rare enough (one row in eight) that the columns stay numeric, so the extremes reach the features.
            var extreme = extremes[row / 8 % extremes.Length];
            text.Append($"web-{row % 5},{(row % 8 == 0 ? extreme : (100 + row).ToString())},{(row % 3 == 0 ? "1e308" : "512")},{(row % 8 == 4 ? extreme : "0.5")}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Every third line an access-log line in combined format, then common format, then JSON or syslog (skipped).</summary>
    private static byte[] MixedFormats()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 100; i++)
        {
            text.AppendLine(Combined(i % 250, i % 60, 100 + i));
            text.AppendLine(Common(i % 250, i % 60, 200 + i));
            text.AppendLine(i % 2 == 0
                ? $"{{\"time\":\"2015-05-17T10:{i % 60:00}:03Z\",\"remote_addr\":\"192.0.2.{i}\",\"request\":\"GET / HTTP/1.1\",\"status\":200}}"
                : $"<34>May 17 10:{i % 60:00}:03 web1 sshd[{1000 + i}]: Failed password for root from 192.0.2.{i} port 22");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>100 normal lines, then years 0001 and 9999 (real dates, kept), then month 13, day 99, 31 February and a date past 9999 (skipped).</summary>
    private static byte[] AbsurdTimestamps()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 100; i++)
        {
            text.AppendLine(Combined(i, i % 60, 100 + i));
        }

        foreach (var time in new[] { "01/Jan/0001:00:00:00 +0000", "31/Dec/9999:23:59:59 +0000", "01/13/2015:10:00:00 +0000", "99/May/2015:10:00:00 +0000", "31/Feb/2015:10:00:00 +0000", "31/Dec/9999:23:59:59 -0100" })
        {
            text.AppendLine($"203.0.113.7 - - [{time}] \"GET /odd HTTP/1.1\" 200 99 \"-\" \"Mozilla/5.0\"");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>1,000 lines of which every hundredth (lines 100, 200, … 1,000) is not an access-log line.</summary>
    /// <summary>The sample log with a Windows-1252 'é' (0xE9) in the user agent of line 3,000, far past the detector's head.</summary>
    private static byte[] InvalidUtf8PastTheHead()
    {
        var lines = SampleLines(5_000).Split('\n');
        var line = lines[2_999];
        var agent = line.LastIndexOf('"', line.Length - 2) + 1;
        return
        [
            .. Encoding.UTF8.GetBytes(string.Join('\n', lines[..2_999]) + "\n" + line[..agent]),
            0xE9,
            .. Encoding.UTF8.GetBytes(line[agent..] + "\n" + string.Join('\n', lines[3_000..])),
        ];
    }

    private static byte[] MostlyValid()
    {
        var text = new StringBuilder();
        for (var line = 1; line <= 1_000; line++)
        {
            text.AppendLine(line % 100 == 0 ? "203.0.113.1 - - garbled by a log rotation" : Combined(line % 250, line % 60, line));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// A few valid lines, then one endless line of 'x': 2 GiB decompressed from about 2 MB, as 2,048 gzip members of
    /// 1 MiB each (multi-member gzip is legal, and this way the bomb is built in milliseconds, not by compressing 2 GiB).
    /// </summary>
    private static byte[] GzipBomb() => GzipBomb(Encoding.UTF8.GetBytes(SampleLines(30)), "x"u8, 2_048);

    /// <summary>
    /// <paramref name="prefix"/>, then <paramref name="unit"/> repeated to about <paramref name="mebibytes"/> MiB: one member of
    /// about 1 MiB is compressed once and repeated (multi-member gzip is legal), so gigabytes are built in milliseconds.
    /// </summary>
    public static byte[] GzipBomb(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> unit, int mebibytes)
    {
        // Whole units only, so a member ends where a line does and the next begins a line.
        var block = new byte[Math.Max(unit.Length, (1 << 20) / unit.Length * unit.Length)];
        for (var at = 0; at < block.Length; at += unit.Length)
        {
            unit[..Math.Min(unit.Length, block.Length - at)].CopyTo(block.AsSpan(at));
        }

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(block);
        }

        var member = buffer.ToArray();
        using var bomb = new MemoryStream();
        if (!prefix.IsEmpty)
        {
            bomb.Write(Gzip(prefix.ToArray()));
        }

        for (var i = 0; i < mebibytes; i++)
        {
            bomb.Write(member);
        }

        return bomb.ToArray();
    }
}

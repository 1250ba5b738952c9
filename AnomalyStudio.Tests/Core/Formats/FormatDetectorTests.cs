using AnomalyStudio.Core.Formats;
using System.Text;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Formats.AccessLog;
using AnomalyStudio.Core.Formats.Csv;
using AnomalyStudio.Core.Formats.JsonLines;
using AnomalyStudio.Core.Formats.LineLog;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Parsing.LineLogs;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Formats;

public sealed class FormatDetectorTests
{
    private static SniffedInput Detect(byte[] bytes, string? fileName) =>
        FormatDetector.Detect(new MemoryStream(bytes), fileName);

    private static SniffedInput Detect(string text, string? fileName) => Detect(Encoding.UTF8.GetBytes(text), fileName);

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Theory]
    [InlineData("apache_access_elastic.log")]
    [InlineData("access.txt")]
    [InlineData("export.csv")]
    [InlineData(null)]
    public void Detects_an_access_log_from_its_content_whatever_the_name(string? fileName)
    {
        var sniffed = Detect(File.ReadAllBytes(ElasticLog.Path), fileName);

        Assert.Equal(AccessLogFormat.FormatName, sniffed.Format.Name);
    }

    [Theory]
    [InlineData("logs", "BGL_2k.log_structured.csv", "bgl.txt")]
    [InlineData("web", "csic2010_sample.csv", "requests.txt")]
    [InlineData("tabular", "thyroid.csv", null)]
    public void Detects_csv_from_its_content_when_the_name_does_not_say_so(string folder, string file, string? fileName)
    {
        var sniffed = Detect(File.ReadAllBytes(TestData.Shared(folder, file)), fileName);

        Assert.Equal(CsvFormat.FormatName, sniffed.Format.Name);
        Assert.Equal(',', sniffed.CsvDelimiter);
    }

    [Fact]
    public void Replays_the_whole_input_after_looking_at_its_head()
    {
        var bytes = File.ReadAllBytes(ElasticLog.Path);
        Assert.True(bytes.Length > FormatDetector.HeadBytes);

        var sniffed = FormatDetector.Detect(new MemoryStream(bytes), "access.log");

        Assert.Equal(bytes, ReadAll(sniffed.Content));
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n4,5,6\n", ',')]
    [InlineData("a;b;c\n1,5;2,25;3\n4;5;6,75\n", ';')]
    [InlineData("id\tmessage\n1\thello, world\n2\tbye; now\n", '\t')]
    [InlineData("a|b|c\n1|2|3\n4|5|6\n", '|')]
    [InlineData("\"name, full\";age\n\"Doe, Jane\";41\n\"Roe, Richard\";37\n", ';')]
    [InlineData("pattern,count\n\"a|b|c\",1\n\"x|y|z\",2\n", ',')]
    [InlineData("\"a\tb\"|c\n\"1\t2\"|3\n", '|')]
    public void Sniffs_the_delimiter_ignoring_those_inside_quotes(string text, char delimiter)
    {
        var sniffed = Detect(text, "data.txt");

        Assert.Equal(CsvFormat.FormatName, sniffed.Format.Name);
        Assert.Equal(delimiter, sniffed.CsvDelimiter);
    }

    [Fact]
    public void Prefers_the_delimiter_that_gives_more_consistent_columns()
    {
        var delimiter = FormatDetector.SniffDelimiter(["a,b;c;d", "1,2;3;4", "5,6;7;8"], out var columns);

        Assert.Equal(';', delimiter);
        Assert.Equal(3, columns);
    }

    public static TheoryData<string, byte[], string, long?> Unusable => new()
    {
        { "empty", [], "The file is empty.", null },
        { "blank lines", Encoding.UTF8.GetBytes("\n   \r\n\t\n\n"), "The file has only blank lines.", null },
        { "NUL bytes", Encoding.UTF8.GetBytes("a,b\n\0\0\0\0\n\0\0\0\n"), "The file is binary, not text: 2 of its 3 lines are control characters or NUL bytes, the first line 2 (byte 5).", 2 },
        { "gzip header only", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00], "The gzip file is truncated: it ends at byte 8 in the middle of compressed data (after 0 decompressed bytes); it was probably cut short while copying.", null },
        { "UTF-16 LE of NULs", [0xFF, 0xFE, (byte)'a', 0, 0, 0, 0, 0, 0, 0], "The file (decoded from UTF-16 LE) is binary, not text: its one line is control characters or NUL bytes, from byte 2.", 1 },
        { "UTF-16 without BOM", "a,b\n1,2\n"u8.ToArray().SelectMany(b => new byte[] { b, 0 }).ToArray(), "The file is binary, not text: it has a NUL byte on line 1 (byte 2). It looks like UTF-16 text without a byte-order mark; save it as UTF-8.", 1 },
        { "PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "The file is binary, not text: it starts with the signature of a PNG image.", 1 },
        { "control characters", [.. "a,b\n"u8, 1, 2, 3, (byte)'\n', 4, 5, 6, (byte)'\n'], "The file is binary, not text: 2 of its 3 lines are control characters or NUL bytes, the first line 2 (byte 5).", 2 },
        { "line too long", Encoding.UTF8.GetBytes(new string('x', FormatDetector.HeadBytes + 10)), "Line 1 is longer than 65,536 bytes, the longest line accepted (AnomalyStudio:MaxLineBytes).", 1 },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void Refuses_unusable_input_with_a_clear_message(string kind, byte[] bytes, string message, long? line)
    {
        var error = Assert.Throws<InvalidInputException>(() => Detect(bytes, kind + ".csv"));

        Assert.Equal(message, error.Message);
        Assert.Equal(line, error.LineNumber);
    }

    [Fact]
    public void Reads_a_real_gzip_file_whatever_its_name()
    {
        using var stream = File.OpenRead(TestData.Shared("web", "csic2010_test.csv.gz"));

        using var sniffed = FormatDetector.Detect(stream, "csic2010_test");

        Assert.Equal(CsvFormat.FormatName, sniffed.Format.Name);
        Assert.Equal(',', sniffed.CsvDelimiter);
    }

    [Theory]
    [InlineData("UTF-16 LE")]
    [InlineData("UTF-16 BE")]
    [InlineData("UTF-32 LE")]
    public void Transcodes_text_with_a_unicode_byte_order_mark_to_utf8(string encoding)
    {
        const string text = "host;note\nweb-1;café ☕\nweb-2;naïve\n";
        var (bom, coding) = encoding switch
        {
            "UTF-16 LE" => (new byte[] { 0xFF, 0xFE }, (Encoding)new UnicodeEncoding(false, false)),
            "UTF-16 BE" => ([0xFE, 0xFF], new UnicodeEncoding(true, false)),
            _ => ([0xFF, 0xFE, 0, 0], new UTF32Encoding(false, false)),
        };

        using var sniffed = Detect([.. bom, .. coding.GetBytes(text)], "notes.txt");

        Assert.Equal(CsvFormat.FormatName, sniffed.Format.Name);
        Assert.Equal(';', sniffed.CsvDelimiter);
        Assert.Equal(text, Encoding.UTF8.GetString(ReadAll(sniffed.Content)));
        Assert.Equal($"The file was read as {encoding} text (it starts with that byte-order mark).", Assert.Single(sniffed.Notes));
    }

    [Fact]
    public void Reads_text_that_is_not_utf8_as_latin1_and_says_which_line()
    {
        var bytes = Encoding.Latin1.GetBytes("name,city\nAnna,Berlin\nJürgen,Köln\n");

        using var sniffed = Detect(bytes, "people.csv");

        Assert.Equal("name,city\nAnna,Berlin\nJürgen,Köln\n", Encoding.UTF8.GetString(ReadAll(sniffed.Content)));
        Assert.Equal("The file was decoded as Latin-1 (ISO-8859-1) because line 3 is not valid UTF-8.", Assert.Single(sniffed.Notes));
    }

    [Fact]
    public void Does_not_take_a_utf8_character_cut_by_the_end_of_the_head_for_latin1()
    {
        var line = "web-1,é\n"u8.ToArray();
        byte[] bytes = [.. "host,not\n"u8, .. Enumerable.Repeat(line, (FormatDetector.HeadBytes / line.Length) + 10).SelectMany(l => l)];
        Assert.Equal(0xC3, bytes[FormatDetector.HeadBytes - 1]); // the head ends between the two bytes of 'é'

        using var sniffed = Detect(bytes, "notes.csv");

        Assert.Equal(bytes, ReadAll(sniffed.Content));
        Assert.Empty(sniffed.Notes);
    }

    /// <summary>A CSV of <paramref name="lines"/> lines after its header, each with multi-byte characters; well past the head.</summary>
    private static List<byte[]> MultiByteLines(int lines) =>
        [.. Enumerable.Range(1, lines).Select(i => Encoding.UTF8.GetBytes($"web-{i},Zürich 日本 €{i}\n"))];

    [Fact]
    public void Names_the_first_line_past_the_head_that_is_not_utf8_once_the_content_is_read()
    {
        var lines = MultiByteLines(10_000);
        lines[6_999] = [.. "web-7000,bad "u8, 0xFF, .. " byte\n"u8]; // line 7,001 counting the header
        lines[8_999] = [.. "web-9000,"u8, 0xC3, 0x28, (byte)'\n'];
        byte[] bytes = [.. "host,place\n"u8, .. lines.SelectMany(l => l)];
        Assert.True(Array.IndexOf(bytes, (byte)0xFF) > FormatDetector.HeadBytes);

        using var sniffed = Detect(bytes, "places.csv");
        Assert.Empty(sniffed.Notes); // nothing read yet past the head

        var content = Encoding.UTF8.GetString(ReadInPieces(sniffed.Content, 7));
        lines[6_999] = "web-7000,bad \\xff byte\n"u8.ToArray(); // the raw bytes kept as escapes, the rest unchanged
        lines[8_999] = "web-9000,\\xc3(\n"u8.ToArray();
        Assert.Equal(Encoding.UTF8.GetString([.. "host,place\n"u8, .. lines.SelectMany(l => l)]), content);
        Assert.Equal(
            "Line 7,001 has bytes that are not UTF-8 text (raw bytes, such as an attack's shellcode): they are kept as \\xNN escapes, there and on any later line; the rest of the file is read as UTF-8.",
            Assert.Single(sniffed.Notes));
    }

    [Theory]
    [InlineData("a,b\n1,2\n3\0,4\n", 3)]
    [InlineData("a,b\n1,2\n3,\u0001\u0002\u0003\n5,6\n7,8\n", 5)]
    public void Reads_text_with_a_few_lines_of_control_characters_or_nul_bytes(string text, int lines)
    {
        using var sniffed = Detect(Encoding.UTF8.GetBytes(text), "data.csv");

        Assert.Equal(CsvFormat.FormatName, sniffed.Format.Name);
        Assert.Equal(lines, Encoding.UTF8.GetString(ReadAll(sniffed.Content)).Count(c => c == '\n'));
    }

    [Fact]
    public void Reads_windows_1252_text_with_curly_quotes_as_latin1_not_as_raw_bytes()
    {
        byte[] bytes = [.. "name,quote\nJ"u8, 0xFC, .. "rgen,"u8, 0x93, .. "gut"u8, 0x94, .. " "u8, 0x96, .. " ok\n"u8];

        using var sniffed = Detect(bytes, "quotes.csv");

        Assert.Equal("The file was decoded as Latin-1 (ISO-8859-1) because line 2 is not valid UTF-8.", Assert.Single(sniffed.Notes));
        Assert.StartsWith("name,quote\nJ\u00fcrgen,", Encoding.UTF8.GetString(ReadAll(sniffed.Content)), StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_raw_bytes_in_the_head_as_escapes_rather_than_reading_the_file_as_latin1()
    {
        var log = ShellcodeAccessLog.Bytes;

        using var sniffed = Detect(log, "access.log");

        Assert.Equal("apache", sniffed.Format.Name);
        var text = Encoding.UTF8.GetString(ReadAll(sniffed.Content));
        Assert.Contains("\"SEARCH /\\x90\u0002\\xb1", text, StringComparison.Ordinal);
        Assert.StartsWith($"Line {ShellcodeAccessLog.AttackLineNumbers[0]} has bytes that are not UTF-8 text", Assert.Single(sniffed.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_a_long_utf8_file_read_in_odd_pieces_without_a_note()
    {
        byte[] bytes = [.. "host,place\n"u8, .. MultiByteLines(10_000).SelectMany(l => l)];

        using var sniffed = Detect(bytes, "places.csv");

        Assert.Equal(bytes, ReadInPieces(sniffed.Content, 5)); // pieces cut through most characters
        Assert.Empty(sniffed.Notes);
    }

    [Fact]
    public void Names_a_character_cut_off_by_the_end_of_the_file()
    {
        byte[] bytes = [.. "host,place\n"u8, .. MultiByteLines(10_000).SelectMany(l => l), .. "web-x,"u8, 0xE6, 0x97];

        using var sniffed = Detect(bytes, "places.csv");
        ReadAll(sniffed.Content);

        Assert.StartsWith("Line 10,002 has bytes that are not UTF-8 text", Assert.Single(sniffed.Notes));
    }

    private static byte[] ReadInPieces(Stream stream, int size)
    {
        using var copy = new MemoryStream();
        var piece = new byte[size];
        int read;
        while ((read = stream.Read(piece)) > 0)
        {
            copy.Write(piece, 0, read);
        }

        return copy.ToArray();
    }

    [Fact]
    public void Strips_a_utf8_byte_order_mark_from_a_csv_file()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "a;b\n1;2\n"u8];

        var sniffed = Detect(bytes, "data.csv");
        var table = new CsvTableReader().Read(sniffed.Content, sniffed.CsvDelimiter);

        Assert.Equal(CsvFormat.FormatName, sniffed.Format.Name);
        Assert.Equal(';', sniffed.CsvDelimiter);
        Assert.Equal(["a", "b"], table.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Strips_a_utf8_byte_order_mark_from_an_access_log()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 5\n"u8];

        var sniffed = Detect(bytes, "access.log");
        var content = ReadAll(sniffed.Content);

        Assert.Equal(AccessLogFormat.FormatName, sniffed.Format.Name);
        Assert.Equal(bytes[3..], content);
        Assert.Equal("1.2.3.4", new AccessLogParser().Parse(new MemoryStream(content)).Records[0].Ip);
    }

    [Theory]
    [InlineData("Apache_2k.log")]
    [InlineData("errors.txt")]
    [InlineData(null)]
    public void Detects_the_apache_error_log_as_a_line_log_whatever_the_name(string? fileName)
    {
        using var sniffed = Detect(File.ReadAllBytes(TestData.Shared("logs", "Apache_2k.log")), fileName);

        Assert.Equal(LineLogFormat.FormatName, sniffed.Format.Name);
        Assert.Equal("apache-error", sniffed.LineLogLayout?.Name);
    }

    [Theory]
    // Common Log Format (NASA's 1995 log, no referer or agent) and nginx's default "combined" format.
    [InlineData("199.72.81.55 - - [01/Jul/1995:00:00:01 -0400] \"GET /history/apollo/ HTTP/1.0\" 200 6245\nunicomp6.unicomp.net - - [01/Jul/1995:00:00:06 -0400] \"GET /shuttle/countdown/ HTTP/1.0\" 200 3985\n")]
    [InlineData("192.168.1.10 - - [01/May/2024:12:00:03 +0000] \"GET /index.html HTTP/1.1\" 200 615 \"-\" \"curl/8.4.0\"\n192.168.1.11 - - [01/May/2024:12:00:04 +0000] \"GET /favicon.ico HTTP/1.1\" 404 153 \"http://example.com/\" \"Mozilla/5.0\"\n")]
    public void Reads_common_log_format_and_nginx_default_lines_as_an_access_log(string text)
    {
        using var sniffed = Detect(text, "access.log");

        Assert.Equal(AccessLogFormat.FormatName, sniffed.Format.Name);
    }

    public static TheoryData<string, string> LineLogs => new()
    {
        { "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4\nJun 14 15:16:02 combo sshd(pam_unix)[19937]: check pass; user unknown\nJun 15 02:04:59 combo ftpd[20882]: connection from 211.72.2.106 () at Wed Jun 15 02:04:59 2005\n", "syslog" },
        { "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - 'su root' failed for lonvick on /dev/pts/8\n<13>1 2003-10-11T22:14:16.003Z mymachine.example.com cron 42 - - job done\n", "rfc5424" },
        { "2024-05-01 12:00:03,123 ERROR [main] com.foo.Bar - Request 17 failed, retrying\n\tat com.foo.Bar.handle(Bar.java:17)\n2024-05-01 12:00:04,456 INFO  [main] com.foo.Bar - Request 18 done, 12 ms\n", "log4j-thread-dash" },
        { "2024-05-01T12:00:03Z WARN disk almost full\n2024-05-01T12:00:04Z ERROR disk full\n", "application" },
        { "[INFO] Scanning for projects...\n[WARNING] The POM is missing\n[INFO] BUILD SUCCESS\n", "application" },
    };

    [Theory]
    [MemberData(nameof(LineLogs))]
    public void Detects_a_line_log_by_the_header_its_lines_start_with(string text, string layout)
    {
        using var sniffed = Detect(text, "app.log");

        Assert.Equal(LineLogFormat.FormatName, sniffed.Format.Name);
        Assert.Equal(layout, sniffed.LineLogLayout?.Name);
    }

    [Theory]
    [InlineData("events.jsonl")]
    [InlineData("events.csv")]
    [InlineData(null)]
    public void Detects_json_lines_when_most_lines_are_objects_whatever_the_name(string? fileName)
    {
        const string text = "{\"level\":\"info\",\"msg\":\"started\"}\n{\"level\":\"warn\",\"msg\":\"slow, 2 s\"}\nbroken line\n{\"level\":\"info\",\"msg\":\"done\"}\n";

        using var sniffed = Detect(text, fileName);

        Assert.Equal(JsonLinesFormat.FormatName, sniffed.Format.Name);
    }

    [Theory]
    [InlineData("[\n  {\"a\": 1},\n  {\"a\": 2}\n]\n", "an array")]
    [InlineData("[{\"a\": 1}, {\"a\": 2}]\n", "an array")]
    [InlineData("{\n  \"a\": 1,\n  \"b\": 2\n}\n", "an object spread over several lines")]
    public void Refuses_one_json_document_with_the_way_to_make_it_json_lines(string text, string kind)
    {
        var error = Assert.Throws<InvalidInputException>(() => Detect(text, "data.json"));

        Assert.Equal(
            $"The file is one JSON document ({kind}), not JSON lines: AnomalyStudio reads one JSON object per line (convert it with, for example, jq -c '.[]').",
            error.Message);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Refuses_a_file_of_mostly_broken_json_lines_saying_how_few_are_objects()
    {
        var error = Assert.Throws<InvalidInputException>(() => Detect("{\"a\":1}\n{\"a\":\n{\"a\":\n", "events.jsonl"));

        Assert.Equal("The file starts like JSON lines, but only 1 of its first 3 lines are JSON objects: JSON lines need one object on most lines.", error.Message);
    }

    [Theory]
    [MemberData(nameof(Unusable))]
    public void Refuses_unusable_input_named_as_json_lines_or_a_log_with_the_same_messages(string kind, byte[] bytes, string message, long? line)
    {
        var asJson = Assert.Throws<InvalidInputException>(() => Detect(bytes, kind + ".jsonl"));
        var asLog = Assert.Throws<InvalidInputException>(() => Detect(bytes, kind + ".log"));

        Assert.Equal(message, asJson.Message);
        Assert.Equal(message, asLog.Message);
        Assert.Equal(line, asJson.LineNumber);
    }

    [Fact]
    public void Still_refuses_text_that_is_no_known_format()
    {
        var error = Assert.Throws<InvalidInputException>(() => Detect("just some words\nmore words here\n", "notes.txt"));

        Assert.StartsWith("Unsupported format: line 1 is neither an Apache/Nginx access-log line", error.Message, StringComparison.Ordinal);
        Assert.Contains("nor a CSV header", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Accepts_a_single_column_file_only_when_its_name_says_csv()
    {
        const string text = "value\n1\n2\n3\n";

        Assert.Equal(CsvFormat.FormatName, Detect(text, "values.csv").Format.Name);
        Assert.Equal(CsvFormat.FormatName, Detect(text, "values.TSV").Format.Name);
        Assert.Throws<InvalidInputException>(() => Detect(text, "values.txt"));
    }
}

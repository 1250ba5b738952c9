using System.Text;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Parsing;

/// <summary>
/// The parser reads ASCII lines from their bytes and every other line from its decoded characters: both must give the
/// records, codes and skip reasons that reading every line's characters gives (<see cref="AccessLogParser.TryParseLine"/>).
/// </summary>
public sealed class AccessLogAsciiLineTests
{
    [Fact]
    public void Reads_the_real_elastic_log_as_reading_each_lines_characters_does()
    {
        AssertSameAsCharacterReader(File.ReadAllBytes(ElasticLog.Path));
    }

    [Fact]
    public void Reads_the_published_sample_as_reading_each_lines_characters_does()
    {
        AssertSameAsCharacterReader(File.ReadAllBytes(TestData.Samples("sample_access.log")));
    }

    [Fact]
    public void Reads_crlf_empty_lines_a_last_line_without_newline_and_invalid_utf8_as_the_character_reader()
    {
        var lines = File.ReadAllLines(ElasticLog.Path).Take(400).ToList();
        var bytes = new List<byte>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = Encoding.UTF8.GetBytes(lines[i]).ToList();
            switch (i % 10)
            {
                case 1: line.AddRange("\r"u8.ToArray()); break; // CRLF
                case 2: line.InsertRange(line.IndexOf((byte)'"') + 6, new byte[] { 0xC3, 0x28, 0xFF }); break; // invalid UTF-8 in the URI
                case 3: line.AddRange(" \t "u8.ToArray()); break; // trailing ASCII white space
                case 4: line.AddRange("\u00A0"u8.ToArray()); break; // trailing non-ASCII white space
                case 5: line = Encoding.UTF8.GetBytes(lines[i].Replace("Mozilla", "Mözilla", StringComparison.Ordinal)).ToList(); break;
                case 6: bytes.AddRange("\n  \n"u8.ToArray()); break; // empty and blank lines before it
                case 7: line = line.Take(line.Count / 2).ToList(); break; // truncated: a skipped line or a cut user agent
                case 8: line = Encoding.UTF8.GetBytes(lines[i].Replace("/May/", "/ſep/", StringComparison.Ordinal)).ToList(); break;
                case 9: line = Encoding.UTF8.GetBytes(lines[i].Replace(" 200 ", " 2x0 ", StringComparison.Ordinal)).ToList(); break;
            }

            bytes.AddRange(line);
            if (i < lines.Count - 1)
            {
                bytes.Add((byte)'\n');
            }
        }

        AssertSameAsCharacterReader([.. bytes]);
    }

    [Fact]
    public void Gives_a_value_the_same_code_whether_its_line_was_read_as_bytes_or_as_characters()
    {
        // The second line is not ASCII (its user agent), so it is read as characters; its client and URI must still get
        // the codes the ASCII lines around it gave them.
        var text = "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\" 200 5 \"-\" \"agent\"\n"
            + "1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\" 200 5 \"-\" \"agént\"\n"
            + "5.6.7.8 - - [17/May/2015:10:05:04 +0000] \"GET /a HTTP/1.1\" 200 5 \"-\" \"agent\"\n";
        var table = Parse(Encoding.UTF8.GetBytes(text)).Records;

        Assert.Equal(table.Ips.Codes[0], table.Ips.Codes[1]);
        Assert.Equal(table.Uris.Codes[0], table.Uris.Codes[2]);
        Assert.Equal(table.UserAgents.Codes[0], table.UserAgents.Codes[2]);
        Assert.NotEqual(table.UserAgents.Codes[0], table.UserAgents.Codes[1]);
        Assert.Equal("agént", table.UserAgents[1]);
    }

    private static AccessLogParseResult Parse(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return new AccessLogParser().Parse(stream);
    }

    /// <summary>Parses the bytes, then every line's characters one by one, and compares records and skipped lines.</summary>
    private static void AssertSameAsCharacterReader(byte[] bytes)
    {
        var result = Parse(bytes);
        var pool = new StringPool();
        var expected = new List<AccessLogRecord>();
        var skipped = new List<(long Line, string Reason)>();
        var lineNumber = 0L;
        ReadOnlySpan<byte> rest = bytes;
        while (!rest.IsEmpty)
        {
            var line = LineBlock.NextLine(ref rest);
            lineNumber++;
            if (line.Trim((byte)' ').IsEmpty)
            {
                continue;
            }

            if (AccessLogParser.TryParseLine(Encoding.UTF8.GetString(line), lineNumber, pool, out var record, out var reason))
            {
                expected.Add(record);
            }
            else
            {
                skipped.Add((lineNumber, reason));
            }
        }

        Assert.Equal(lineNumber, result.TotalLines);
        Assert.Equal(expected.Count, result.Records.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (want, got) = (expected[i], result.Records[i]);
            Assert.Equal(
                (want.Line, want.Ip, want.Ident, want.User, want.Timestamp, want.Method, want.Uri, want.Protocol, want.Status, want.Bytes, want.Referrer, want.UserAgent),
                (got.Line, got.Ip, got.Ident, got.User, got.Timestamp, got.Method, got.Uri, got.Protocol, got.Status, got.Bytes, got.Referrer, got.UserAgent));
            Assert.Equal(want.Timestamp.Offset, got.Timestamp.Offset);
        }

        Assert.Equal(skipped.Count, result.Skipped.Count);
        Assert.Equal(
            skipped.Take(SkippedLines.KeptExamples),
            result.Skipped.Examples.Select(e => (e.LineNumber, e.Reason)));

        // Equal values share one code, in order of first appearance, however the line was read.
        var firsts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < result.Records.Count; i++)
        {
            var uri = result.Records.Uris[i];
            Assert.Equal(firsts.TryAdd(uri, result.Records.Uris.Codes[i]) ? result.Records.Uris.Codes[i] : firsts[uri], result.Records.Uris.Codes[i]);
        }
    }
}

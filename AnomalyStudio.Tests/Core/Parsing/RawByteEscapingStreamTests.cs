using System.Text;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Parsing;

/// <summary>Raw bytes in UTF-8 text come out as <c>\xNN</c>, whatever the size of the reads; valid text comes out unchanged.</summary>
public sealed class RawByteEscapingStreamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Escapes_each_byte_that_is_not_utf8_and_names_the_first_line_whatever_the_read_size(int readSize)
    {
        byte[] bytes = [.. "caf\u00e9 \u65e5\u672c\n"u8, .. "GET /"u8, 0x90, 0x90, 0xeb, 0x1f, .. " ok\n"u8, 0xC3, 0x28, .. "\n\u20ac"u8, 0xE2, 0x82];
        long? line = null;

        var text = Read(new RawByteEscapingStream(new MemoryStream(bytes), ownsInner: true, l => line = l), readSize);

        Assert.Equal("caf\u00e9 \u65e5\u672c\nGET /\\x90\\x90\\xeb\u001f ok\n\\xc3(\n\u20ac\\xe2\\x82", text);
        Assert.Equal(2, line);
    }

    [Fact]
    public void Passes_a_long_utf8_file_read_in_odd_pieces_unchanged_without_a_report()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"web-{i},Z\u00fcrich \u65e5\u672c \u20ac{i}\n")));
        var reported = false;

        var text = Read(new RawByteEscapingStream(new MemoryStream(bytes), ownsInner: true, _ => reported = true), 5);

        Assert.Equal(Encoding.UTF8.GetString(bytes), text);
        Assert.False(reported);
    }

    [Fact]
    public void Names_the_line_of_a_raw_byte_far_past_the_first_read()
    {
        var lines = Enumerable.Range(1, 10_000).Select(i => Encoding.UTF8.GetBytes($"line {i} \u00e9\n")).ToList();
        lines[8_999] = [.. "line 9000 "u8, 0xFF, (byte)'\n'];
        long? line = null;

        var text = Read(new RawByteEscapingStream(new MemoryStream(lines.SelectMany(l => l).ToArray()), ownsInner: true, l => line = l), 1 << 16);

        Assert.Equal(9_000, line);
        Assert.Contains("\nline 9000 \\xff\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_shellcode_of_the_honeynet_style_log_as_escapes()
    {
        long? line = null;

        var text = Read(new RawByteEscapingStream(new MemoryStream(ShellcodeAccessLog.Bytes), ownsInner: true, l => line = l), 1 << 16);

        Assert.Equal(ShellcodeAccessLog.AttackLineNumbers[0], line);
        Assert.Contains("\"SEARCH /\\x90\u0002\\xb1\u0002\\xb1", text, StringComparison.Ordinal);
        Assert.Contains("\\xeb\u001f^\\x89v\b1\\xc0\\x88F\u0007\\x89F\f\\xb0\v\\x89\\xf3", text, StringComparison.Ordinal);
        Assert.Equal(ShellcodeAccessLog.NormalLines + ShellcodeAccessLog.AttackLines, text.Count(c => c == '\n'));
    }

    private static string Read(Stream stream, int readSize)
    {
        using (stream)
        using (var copy = new MemoryStream())
        {
            var piece = new byte[readSize];
            int read;
            while ((read = stream.Read(piece)) > 0)
            {
                copy.Write(piece, 0, read);
            }

            return Encoding.UTF8.GetString(copy.ToArray());
        }
    }
}

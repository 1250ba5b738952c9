namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// How much of an input's head is text, line by line. A line is binary when more than one in twenty of its bytes (and
/// more than one byte) are NUL or other control characters than tab, line feed, form feed, carriage return and escape
/// (which colours logs); bytes above 0x7F do not count, since text in a legacy encoding is full of them. An input is
/// binary only when most of its non-blank lines are: a log in which a few requests carry raw shellcode is text with a
/// few odd lines, while an image, an archive or random bytes have control characters on nearly every "line".
/// </summary>
internal readonly record struct TextShare(int Lines, int BinaryLines, long FirstBinaryLine, int FirstBinaryByte)
{
    public bool MostlyBinary => BinaryLines * 2 > Lines;

    public static TextShare Of(ReadOnlySpan<byte> head)
    {
        int lines = 0, binary = 0, firstByte = -1;
        long number = 0, firstLine = 0;
        var offset = 0;
        while (offset < head.Length)
        {
            var rest = head[offset..];
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            number++;
            if (!line.Trim(" \t\r\f"u8).IsEmpty)
            {
                lines++;
                if (BinaryBytes(line, out var first) > Math.Max(1, line.Length / 20))
                {
                    binary++;
                    if (firstByte < 0)
                    {
                        (firstLine, firstByte) = (number, offset + first);
                    }
                }
            }

            offset += newline < 0 ? rest.Length : newline + 1;
        }

        return new TextShare(lines, binary, firstLine, firstByte);
    }

    /// <summary>True for a byte that text does not hold: NUL, a C0 control other than tab, line feed, form feed, carriage return and escape, or DEL.</summary>
    public static bool IsBinary(byte b) => b is < 0x20 and not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B) or 0x7F;

    private static int BinaryBytes(ReadOnlySpan<byte> line, out int first)
    {
        var count = 0;
        first = -1;
        for (var i = 0; i < line.Length; i++)
        {
            if (IsBinary(line[i]))
            {
                count++;
                first = first < 0 ? i : first;
            }
        }

        return count;
    }
}

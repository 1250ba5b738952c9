using System.Text;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Reads a UTF-8 stream line by line for the sequential readers (JSON lines, line logs), through the same bounded
/// blocks as the access-log parser, so an over-long line is reported by number without ever being held whole.
/// </summary>
public static class TextLineReader
{
    /// <summary>Every line, blank ones included (so numbers match the file), without its line end.</summary>
    public static IEnumerable<TextLine> Lines(Stream content, int maxLineBytes)
    {
        var reader = new Utf8BlockReader(content, maxLineBytes);
        foreach (var block in reader.Blocks())
        {
            using (block)
            {
                if (block.TooLong)
                {
                    yield return new TextLine(block.FirstLine, null);
                    continue;
                }

                var lines = new List<TextLine>(block.LineCount);
                CutLines(block, maxLineBytes, lines);
                foreach (var line in lines)
                {
                    yield return line;
                }
            }
        }
    }

    // Spans cannot live across a yield, so a block's lines are cut into strings first.
    private static void CutLines(LineBlock block, int maxLineBytes, List<TextLine> lines)
    {
        var rest = block.Bytes;
        var number = block.FirstLine;
        while (!rest.IsEmpty)
        {
            var bytes = LineBlock.NextLine(ref rest);

            lines.Add(new TextLine(number++, bytes.Length > maxLineBytes ? null : Encoding.UTF8.GetString(bytes)));
        }
    }
}

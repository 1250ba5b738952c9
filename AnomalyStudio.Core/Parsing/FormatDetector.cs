using System.Text;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Decides from the content (not the file name alone) whether an input is an access log or a CSV file,
/// and refuses what is neither with a message that says why: empty, binary, UTF-16, or no recognisable lines.
/// </summary>
public static class FormatDetector
{
    /// <summary>How much of the head is examined.</summary>
    public const int HeadBytes = 64 * 1024;

    private const int SampleLines = 20;

    private static readonly char[] CandidateDelimiters = [',', ';', '\t', '|'];

    public static SniffedInput Detect(Stream input, string? fileName = null)
    {
        var head = ReadHead(input);
        if (head.Length == 0)
        {
            throw new InvalidInputException("The file is empty.");
        }

        RefuseBinary(head);
        var skip = head.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var content = new ReplayStream(head.AsMemory(skip), input);
        var lines = SampleTextLines(head.AsSpan(skip));
        if (lines.Count == 0)
        {
            throw new InvalidInputException("The file has only blank lines.");
        }

        var pool = new StringPool();
        var accessLines = lines.Count(l => AccessLogParser.TryParseLine(l.Text, l.Number, pool, out _, out _));
        if (accessLines * 2 >= lines.Count)
        {
            return new SniffedInput(InputFormat.Apache, content, ',');
        }

        var delimiter = SniffDelimiter(lines.Select(l => l.Text).ToList(), out var columns);
        var looksLikeCsvName = fileName is not null
            && (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase));
        if (columns >= 2 || looksLikeCsvName)
        {
            return new SniffedInput(InputFormat.Csv, content, delimiter);
        }

        AccessLogParser.TryParseLine(lines[0].Text, lines[0].Number, pool, out _, out var reason);
        throw new InvalidInputException(
            $"Unsupported format: line {lines[0].Number} is neither an Apache/Nginx access-log line ({reason}) "
            + "nor a CSV header with a ',', ';', tab or '|' delimiter.",
            lines[0].Number);
    }

    /// <summary>
    /// Picks the delimiter whose count per line is the same on most sampled lines, preferring more columns
    /// and then the order , ; tab |. Counts ignore delimiters inside double quotes.
    /// </summary>
    public static char SniffDelimiter(IReadOnlyList<string> lines, out int columns)
    {
        var best = ',';
        columns = 1;
        var bestConsistent = false;
        foreach (var candidate in CandidateDelimiters)
        {
            var counts = lines.Select(l => CountOutsideQuotes(l, candidate)).ToList();
            var headerCount = counts[0];
            if (headerCount == 0)
            {
                continue;
            }

            var consistent = counts.Count(c => c == headerCount) >= Math.Ceiling(counts.Count * 0.8);
            var better = (consistent && !bestConsistent) || (consistent == bestConsistent && headerCount + 1 > columns);
            if (better)
            {
                best = candidate;
                columns = headerCount + 1;
                bestConsistent = consistent;
            }
        }

        return best;
    }

    private static int CountOutsideQuotes(string line, char delimiter)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                count++;
            }
        }

        return count;
    }

    private static byte[] ReadHead(Stream input)
    {
        var buffer = new byte[HeadBytes];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = input.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return buffer[..total];
    }

    private static void RefuseBinary(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(new byte[] { 0x1F, 0x8B }))
        {
            throw new InvalidInputException("The file is gzip-compressed; decompress it and upload the text file.");
        }

        if (head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            throw new InvalidInputException("The file is UTF-16 text; save it as UTF-8 and upload it again.");
        }

        var nul = head.IndexOf((byte)0);
        if (nul >= 0)
        {
            var line = head[..nul].Count((byte)'\n') + 1;
            throw new InvalidInputException(
                $"The file is binary, not text: it has a NUL byte on line {line} (byte {nul + 1}).", line);
        }
    }

    private static List<(long Number, string Text)> SampleTextLines(ReadOnlySpan<byte> head)
    {
        var lines = new List<(long, string)>();
        var number = 0L;
        while (!head.IsEmpty && lines.Count < SampleLines)
        {
            var newline = head.IndexOf((byte)'\n');
            if (newline < 0 && number > 0 && head.Length >= HeadBytes / 2)
            {
                break; // a partial last line in a full head buffer: leave it out of the sample
            }

            var line = newline < 0 ? head : head[..newline];
            head = newline < 0 ? default : head[(newline + 1)..];
            number++;
            var text = Encoding.UTF8.GetString(line).TrimEnd('\r');
            if (!string.IsNullOrWhiteSpace(text))
            {
                lines.Add((number, text));
            }
        }

        return lines;
    }
}

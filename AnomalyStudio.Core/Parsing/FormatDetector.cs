using System.Text;
using AnomalyStudio.Core.Parsing.JsonLines;
using AnomalyStudio.Core.Parsing.LineLogs;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Decides from the content (not the file name alone) whether an input is JSON lines, an access log, a CSV file or a
/// line log (in that order), and refuses what is none of them with a message that says why: empty, binary, a first line
/// too long, one JSON document rather than lines, or no recognisable lines. Decoding (gzip, UTF-16, Latin-1) comes
/// first, in <see cref="InputDecoder"/>.
/// </summary>
public static class FormatDetector
{
    /// <summary>How much of the head is examined.</summary>
    public const int HeadBytes = InputDecoder.HeadBytes;

    private const int SampleLines = 20;

    private static readonly char[] CandidateDelimiters = [',', ';', '\t', '|'];

    /// <param name="limits">Bounds for gzip decompression and line length; the defaults when null.</param>
    public static SniffedInput Detect(Stream input, string? fileName = null, ParseLimits? limits = null)
    {
        limits ??= ParseLimits.Default;
        var decoded = InputDecoder.Decode(input, limits);
        try
        {
            var (format, delimiter, shape) = Sniff(decoded.Head, CompressionFreeName(fileName), limits);
            return new SniffedInput(format, decoded.Content, delimiter) { Notes = decoded.Notes, LineLogShape = shape };
        }
        catch
        {
            decoded.Dispose();
            throw;
        }
    }

    private static (InputFormat Format, char Delimiter, LineLogShape? Shape) Sniff(ReadOnlySpan<byte> head, string? fileName, ParseLimits limits)
    {
        // No line end in the head: with the limit within the head, the first line is over it (a 64 KiB line that
        // fills the head exactly is taken for longer); with a larger limit the line may be legal, so sniff what is here.
        if (limits.MaxLineBytes <= HeadBytes && head.Length >= Math.Min(HeadBytes, limits.MaxLineBytes + 1) && !head.Contains((byte)'\n'))
        {
            throw new InvalidInputException(
                $"Line 1 is longer than {limits.MaxLineBytes:N0} bytes, the longest line accepted (AnomalyStudio:MaxLineBytes).", 1);
        }

        var lines = SampleTextLines(head);
        if (lines.Count == 0)
        {
            throw new InvalidInputException("The file has only blank lines.");
        }

        var objects = lines.Count(l => JsonObjectFlattener.IsObject(l.Text));
        if (objects * 2 > lines.Count)
        {
            return (InputFormat.JsonLines, ',', null);
        }

        RefuseOneJsonDocument(lines[0], objects, lines.Count);

        var pool = new StringPool();
        var accessLines = lines.Count(l => AccessLogParser.TryParseLine(l.Text, l.Number, pool, out _, out _));
        if (accessLines * 2 >= lines.Count)
        {
            return (InputFormat.Apache, ',', null);
        }

        var delimiter = SniffDelimiter(lines.Select(l => l.Text).ToList(), out var columns);
        var looksLikeCsvName = fileName is not null
            && (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase));
        if (looksLikeCsvName)
        {
            return (InputFormat.Csv, delimiter, null);
        }

        // A line log is tried before the delimiter count because the count takes any comma for a column (a log's
        // "12:00:03,123" has one on every line), while a CSV header is names, which never parse as a log header.
        if (LineLogHeaderParser.Recognise(lines.Select(l => l.Text).ToList()) is { } shape)
        {
            return (InputFormat.LineLog, delimiter, shape);
        }

        if (columns >= 2)
        {
            return (InputFormat.Csv, delimiter, null);
        }

        AccessLogParser.TryParseLine(lines[0].Text, lines[0].Number, pool, out _, out var reason);
        throw new InvalidInputException(
            $"Unsupported format: line {lines[0].Number} is neither an Apache/Nginx access-log line ({reason}) "
            + "nor a CSV header with a ',', ';', tab or '|' delimiter, nor a JSON object, nor a log line starting with a timestamp or a [level].",
            lines[0].Number);
    }

    /// <summary>
    /// A file that opens a JSON array, or an object that does not close on its line, is one JSON document: refused with
    /// the fix, rather than read as a CSV of its commas. "[Sun Dec 04 …]" and "[ERROR]" open log lines, not arrays.
    /// </summary>
    private static void RefuseOneJsonDocument((long Number, string Text) first, int objects, int sampled)
    {
        if (objects > 0 && JsonObjectFlattener.IsObject(first.Text))
        {
            throw new InvalidInputException(
                $"The file starts like JSON lines, but only {objects} of its first {sampled} lines are JSON objects: JSON lines need one object on most lines.",
                first.Number);
        }

        var text = first.Text.AsSpan().Trim();
        var array = text.Length > 0 && text[0] == '['
            && (text.Length == 1 || text[1..].TrimStart() is [] or ['{' or '[' or '"' or ']', ..]);
        if (array || (text.Length > 0 && text[0] == '{'))
        {
            throw new InvalidInputException(
                $"The file is one JSON document ({(array ? "an array" : "an object spread over several lines")}), not JSON lines: "
                + "AnomalyStudio reads one JSON object per line (convert it with, for example, jq -c '.[]').",
                first.Number);
        }
    }

    // "metrics.csv.gz" names a CSV file as much as "metrics.csv" does.
    private static string? CompressionFreeName(string? fileName) =>
        fileName is not null && fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;

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

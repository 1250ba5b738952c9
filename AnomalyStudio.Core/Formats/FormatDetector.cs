using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Formats;

/// <summary>
/// Format detection with the standard formats (<see cref="InputFormatCatalog.Standard"/>), and the delimiter sniff the
/// table formats share. The pipeline detects through its own catalog, which may hold more formats.
/// </summary>
public static class FormatDetector
{
    /// <summary>How much of the head is examined.</summary>
    public const int HeadBytes = InputDecoder.HeadBytes;

    private static readonly char[] CandidateDelimiters = [',', ';', '\t', '|'];

    /// <param name="limits">Bounds for gzip decompression and line length; the defaults when null.</param>
    public static SniffedInput Detect(Stream input, string? fileName = null, ParseLimits? limits = null) =>
        InputFormatCatalog.Standard.Detect(input, fileName, limits);

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
}

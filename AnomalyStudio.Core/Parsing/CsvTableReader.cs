using System.Runtime.CompilerServices;
using System.Globalization;
using CsvHelper;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Reads a CSV file with a header through CsvHelper: types each column from the first rows (numeric when
/// at least 90% of its non-missing values are numbers), finds the label, timestamp and identifier columns,
/// and stores numbers as doubles and text interned, so the file is never held as a grid of strings.
/// Rows with the wrong number of fields or stray quotes are skipped and reported.
/// </summary>
public sealed class CsvTableReader
{
    /// <summary>Rows used to decide the column types before the rest is streamed.</summary>
    public const int TypingSampleRows = 2_000;

    internal const double NumericShare = 0.9;
    internal const double TimestampShare = 0.9;

    private static readonly HashSet<string> MissingTokens =
        new(["", "na", "n/a", "nan", "null", "none", "?", "-", "#n/a"], StringComparer.OrdinalIgnoreCase);

    // Run once per file over every row: compiled fully optimised at once. Tiered compilation would start it unoptimised
    // and move to optimised code only inside the loop, which cost a cold process (the CLI, a server's first uploads)
    // more than the work itself on a million rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CsvTable Read(
        Stream content,
        char delimiter,
        ParseLimits? limits = null,
        IProgress<long>? rowsRead = null,
        CancellationToken cancellationToken = default)
    {
        limits ??= ParseLimits.Default;
        var skipped = new SkippedLines();
        string? headerProblem = null;
        var options = CsvReaderOptions.Default with
        {
            Separator = delimiter,
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record =>
            {
                if (record.RecordNumber <= 1)
                {
                    headerProblem ??= Describe(record);
                }
                else
                {
                    // An unclosed quote runs to the end of the input: every line after it is lost with it.
                    var lines = record.Reason == CsvMalformedReason.UnterminatedQuote ? 1 + LineBreaks(record.RawRecord) : 1;
                    skipped.Add(record.LineNumber, Describe(record, lines - 1), lines);
                }
            },
            MaxRecordSize = limits.MaxLineBytes,
            PoolStrings = true,
            FormatProvider = CultureInfo.InvariantCulture,
        };

        try
        {
            using var reader = CsvReader.Create(content, options, leaveOpen: true);
            var header = ReadHeader(reader, limits);
            if (headerProblem is not null)
            {
                throw new InvalidInputException($"The CSV header on line 1 is malformed: {headerProblem}.", 1);
            }

            var sample = new List<(string[] Cells, long Line, long Row)>();
            var row = new CsvRowCells(header.Length);
            TableColumns? columns = null;
            long rows = 0;
            while (reader.Read())
            {
                rows++;
                if (rows % 65_536 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    rowsRead?.Report(rows);
                }

                if (rows > limits.MaxRecords)
                {
                    throw new InvalidInputException(
                        $"The file has more than {limits.MaxRecords:N0} rows, the most one analysis accepts.", reader.LineNumber);
                }

                // The data row number counts skipped rows too, so it matches what the user sees in the file.
                var rowNumber = reader.RowNumber + skipped.Count;
                if (columns is null)
                {
                    var cells = new string[header.Length];
                    for (var i = 0; i < cells.Length; i++)
                    {
                        cells[i] = reader.GetString(i) ?? string.Empty;
                    }

                    sample.Add((cells, reader.LineNumber, rowNumber));
                    if (sample.Count == TypingSampleRows)
                    {
                        columns = TableColumns.Create(header, sample);
                    }
                }
                else
                {
                    row.Read(reader, columns);
                    columns.Add(row, reader.LineNumber, rowNumber);
                }
            }

            if (sample.Count == 0)
            {
                throw new InvalidInputException(
                    skipped.Count == 0
                        ? "The CSV file has a header but no data rows."
                        : $"None of the CSV file's {skipped.Count:N0} data rows could be read. Line {skipped.Examples[0].LineNumber}: {skipped.Examples[0].Reason}.",
                    skipped.Examples.Count > 0 ? skipped.Examples[0].LineNumber : null);
            }

            columns ??= TableColumns.Create(header, sample);
            rowsRead?.Report(rows);
            return columns.Build(delimiter, skipped, Math.Max(reader.LineNumber, skipped.Examples.Count > 0 ? skipped.Examples[^1].LineNumber : 0));
        }
        catch (CsvFormatException ex) when (ex.Message.Contains("MaxRecordSize", StringComparison.Ordinal))
        {
            var line = ex.LineNumber > 0 ? ex.LineNumber : (long?)null;
            throw new InvalidInputException(
                $"The CSV file's {(line is null ? "record" : $"line {line}")} is longer than {limits.MaxLineBytes:N0} bytes, the longest accepted (AnomalyStudio:MaxLineBytes).",
                line, ex);
        }
        catch (CsvFormatException ex)
        {
            var line = ex.LineNumber > 0 ? ex.LineNumber : (long?)null;
            throw new InvalidInputException(
                line is null ? $"The CSV file is malformed: {FirstSentence(ex.Message)}" : $"The CSV file is malformed at line {line}: {FirstSentence(ex.Message)}",
                line, ex);
        }
    }

    private static string Describe(CsvMalformedRecord record, long linesSwallowed = 0) => record.Reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote when linesSwallowed > 0 =>
            $"a quoted field that is never closed: the rest of the file ({linesSwallowed:N0} more line{(linesSwallowed == 1 ? "" : "s")}) is inside it",
        CsvMalformedReason.UnterminatedQuote => "a quoted field that is never closed",
        CsvMalformedReason.LineBreakInQuotes => "a line break inside a quoted field",
        CsvMalformedReason.FieldCountMismatch => "a different number of fields than the header",
        _ => record.Reason.ToString(),
    };

    /// <summary>Line breaks inside <paramref name="text"/>, not counting one that ends it (the record's own).</summary>
    private static long LineBreaks(string text)
    {
        // CRLF, LF and lone CR each end one line.
        var end = text.EndsWith("\r\n", StringComparison.Ordinal) ? text.Length - 2
            : text.EndsWith('\n') || text.EndsWith('\r') ? text.Length - 1
            : text.Length;
        long count = 0;
        for (var i = 0; i < end; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == end || text[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private static string[] ReadHeader(CsvReader reader, ParseLimits limits)
    {
        reader.ReadHeader();
        var raw = reader.Headers.ToArray();
        if (raw.Length == 0)
        {
            throw new InvalidInputException("The CSV file has no header row.", 1);
        }

        if (raw.Length > limits.MaxColumns)
        {
            throw new InvalidInputException(
                $"The CSV header on line 1 has {raw.Length:N0} columns; at most {limits.MaxColumns:N0} are accepted (AnomalyStudio:MaxColumns).", 1);
        }

        if (raw.Length > 1 && raw.All(h => double.TryParse(h, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            throw new InvalidInputException(
                "Line 1 holds numbers, not column names: a CSV file needs a header row.", 1);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            var name = string.IsNullOrWhiteSpace(raw[i]) ? $"column {i + 1}" : raw[i].Trim();
            var unique = name;
            for (var n = 2; !seen.Add(unique); n++)
            {
                unique = $"{name}_{n}";
            }

            names[i] = unique;
        }

        return names;
    }

    // No missing token starts with a digit, and a leading digit survives the trim: a number is answered without a lookup;
    // nor is one longer than MaxMissingLength, which a value without white space at its ends stays (a log message).
    internal static bool IsMissing(string? value) =>
        value is null || ((value.Length == 0 || !char.IsAsciiDigit(value[0]))
            && (value.Length <= MaxMissingLength || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            && MissingTokens.Contains(value.Trim()));

    private static readonly int MaxMissingLength = MissingTokens.Max(t => t.Length);

    /// <summary>
    /// A number straight from a field's UTF-8 bytes, with no string made for it; false leaves the field to the string path
    /// (<see cref="IsMissing"/>, <see cref="TryNumber"/>), which then decides. Only a field that starts with a digit is tried,
    /// so no missing token is taken for a number, and the parse is the one <see cref="TryNumber"/> runs on the same text.
    /// </summary>
    internal static bool TryNumber(ReadOnlySpan<byte> utf8, out double number)
    {
        number = 0;
        return utf8.Length > 0 && char.IsAsciiDigit((char)utf8[0])
            && double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }

    internal static bool TryNumber(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    internal static bool TryTimestamp(string value, bool numericEpoch, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (numericEpoch)
        {
            if (!TryNumber(value, out var number))
            {
                return false;
            }

            return TryEpoch(number, out timestamp);
        }

        if (IsoSecondTimestamp.TryParse(value, out timestamp))
        {
            return true;
        }

        // A time of day alone ("10:30") is not a timestamp: it would be dated on the day of the analysis.
        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.NoCurrentDateDefault, out var dated) && dated.Year > 1
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp);
    }

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "r",
    ];

    /// <summary>Without a time-like column name only unambiguous ISO 8601 or RFC 1123 dates count ("3/4" is a fraction).</summary>
    internal static bool TryIsoTimestamp(string value, out DateTimeOffset timestamp) =>
        DateTimeOffset.TryParseExact(value.Trim(), IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp);

    // Seconds or milliseconds since 1970, within 2001..2096: other numbers are not taken for times.
    internal static bool TryEpoch(double number, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (number is >= 1e9 and < 4e9)
        {
            timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)(number * 1000));
            return true;
        }

        if (number is >= 1e12 and < 4e12)
        {
            timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)number);
            return true;
        }

        return false;
    }
}

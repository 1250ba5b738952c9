using AnomalyStudio.Core.Parsing.JsonLines;
using AnomalyStudio.Core.Parsing.LineLogs;

namespace AnomalyStudio.Core.Parsing;

/// <summary>Reads any input the detector found to be a table (CSV, JSON lines, a line log) with the reader for its format.</summary>
public static class TableReader
{
    public static CsvTable Read(SniffedInput sniffed, ParseLimits limits, IProgress<long>? rowsRead, CancellationToken cancellationToken) =>
        sniffed.Format switch
        {
            InputFormat.Csv => new CsvTableReader().Read(sniffed.Content, sniffed.CsvDelimiter, limits, rowsRead, cancellationToken),
            InputFormat.JsonLines => new JsonLinesReader().Read(sniffed.Content, limits, rowsRead, cancellationToken),
            InputFormat.LineLog => new LineLogReader().Read(
                sniffed.Content, sniffed.LineLogShape ?? throw new ArgumentException("A line log needs its header shape.", nameof(sniffed)),
                limits, rowsRead, cancellationToken),
            _ => throw new ArgumentException($"{sniffed.Format} is not read as a table.", nameof(sniffed)),
        };
}

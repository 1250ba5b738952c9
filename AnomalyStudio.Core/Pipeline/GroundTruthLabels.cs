using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>Reads a labels file for an access log: CSV with a <c>line</c> column and a <c>label</c> column.</summary>
public static class GroundTruthLabels
{
    /// <summary>Labels per record, matched by line number; lines the file does not list count as normal.</summary>
    public static bool[] Read(Stream labels, IReadOnlyList<long> recordLines)
    {
        var sniffed = FormatDetector.Detect(labels, "labels.csv");
        var table = new CsvTableReader().Read(sniffed.Content, sniffed.CsvDelimiter);
        var line = table.Columns.FirstOrDefault(c => string.Equals(c.Name, "line", StringComparison.OrdinalIgnoreCase) && c.IsNumeric);
        var label = table.LabelColumn;
        if (line is null || label is null)
        {
            throw new InvalidInputException("A labels file needs a numeric 'line' column and a 'label' column.");
        }

        var (values, note) = LabelColumnReader.Read(label, table.RowCount);
        if (values is null)
        {
            throw new InvalidInputException(note!);
        }

        var anomalous = new HashSet<long>();
        for (var i = 0; i < table.RowCount; i++)
        {
            if (values[i] && !double.IsNaN(line.Numbers![i]))
            {
                anomalous.Add((long)line.Numbers[i]);
            }
        }

        return recordLines.Select(anomalous.Contains).ToArray();
    }
}

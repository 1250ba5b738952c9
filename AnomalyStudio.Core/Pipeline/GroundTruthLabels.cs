using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>
/// Reads a labels file: per record (CSV with a numeric <c>line</c> column and a <c>label</c> column) or per entity (a key
/// column and a label column, as loghub's <c>BlockId,Label</c> for HDFS blocks), labels in any spelling
/// <see cref="LabelColumnReader"/> knows.
/// </summary>
public static class GroundTruthLabels
{
    /// <summary>Per-record labels, or per-entity labels by key with the key column's name.</summary>
    public static (bool[]? Records, IReadOnlyDictionary<string, bool>? Entities, string? KeyColumn) ReadAny(Stream labels, IReadOnlyList<long> recordLines)
    {
        var table = ReadTable(labels);
        var line = table.Columns.FirstOrDefault(c => string.Equals(c.Name, "line", StringComparison.OrdinalIgnoreCase) && c.IsNumeric);
        if (line is not null)
        {
            return (Records(table, line, recordLines), null, null);
        }

        var label = table.LabelColumn;
        var key = table.Columns.FirstOrDefault(c => c != label && c.Role != ColumnRole.LabelDerived);
        if (label is null || key is null)
        {
            throw new InvalidInputException("A labels file needs a 'label' column and either a numeric 'line' column (labels per record) or a key column (labels per entity, e.g. BlockId,Label).");
        }

        var values = Values(table, label);
        var byKey = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var i = 0; i < table.RowCount; i++)
        {
            byKey[key.Display(i).Trim()] = values[i];
        }

        return (null, byKey, key.Name);
    }

    /// <summary>The label column read in any spelling; a column that cannot be read is refused, naming it.</summary>
    private static bool[] Values(CsvTable table, CsvColumn label)
    {
        var (values, note) = LabelColumnReader.Read(label, table.RowCount);
        return values ?? throw new InvalidInputException(note!);
    }

    private static CsvTable ReadTable(Stream labels)
    {
        var sniffed = FormatDetector.Detect(labels, "labels.csv");
        return new CsvTableReader().Read(sniffed.Content, sniffed.CsvDelimiter);
    }

    private static bool[] Records(CsvTable table, CsvColumn line, IReadOnlyList<long> recordLines)
    {
        var label = table.LabelColumn ?? throw new InvalidInputException("A labels file needs a numeric 'line' column and a 'label' column.");
        var values = Values(table, label);

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

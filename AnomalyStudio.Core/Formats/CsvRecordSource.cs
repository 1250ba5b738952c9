using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Formats;

/// <summary>The cells of a parsed CSV table.</summary>
public sealed class CsvRecordSource(CsvTable table) : IRecordSource
{
    public IReadOnlyList<RecordField> Fields(int index) =>
        table.Columns.Select(c => new RecordField(c.Name, c.Display(index))).ToList();

    public Func<int, string?> FieldReader(string name) =>
        table.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) is { } column
            ? column.Display
            : _ => null;

    public string RawText(int index) =>
        string.Join(table.Delimiter, table.Columns.Select(c => Quote(c.Display(index))));

    public string SearchText(int index) =>
        string.Join(' ', table.Columns.Where(c => !c.IsNumeric).Select(c => c.Texts![index]));

    /// <summary>Every column's values (numbers or distinct strings), row and line numbers and parsed timestamps.</summary>
    public long EstimatedBytes =>
        table.Columns.Sum(c => MemoryFootprint.Of(c.Numbers) + MemoryFootprint.Of(c.Texts))
        + MemoryFootprint.DistinctStrings(table.Columns.Select(c => c.Texts))
        + MemoryFootprint.Of(table.LineNumbers) + MemoryFootprint.Of(table.RowNumbers) + MemoryFootprint.Of(table.Timestamps);

    private string Quote(string value) =>
        value.Contains(table.Delimiter, StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}

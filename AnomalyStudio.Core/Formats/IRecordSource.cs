namespace AnomalyStudio.Core.Formats;

/// <summary>Reads back what a record was in the input: its fields and the line or row as text.</summary>
public interface IRecordSource
{
    IReadOnlyList<RecordField> Fields(int index);

    /// <summary>
    /// A reader of one field by record, the field named (case-insensitively) as <see cref="Fields"/> names it; the
    /// reader gives null for a record without that field. For what reads one field of every record (a rule marking a
    /// value as expected), so a format with columns need not build every field of each record.
    /// </summary>
    Func<int, string?> FieldReader(string name) =>
        index => Fields(index).FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;

    string RawText(int index);

    /// <summary>Text a search should match for the record (URI, user agent, categorical values…).</summary>
    string SearchText(int index);

    /// <summary>Bytes the parsed records occupy in memory (see <see cref="MemoryFootprint"/>).</summary>
    long EstimatedBytes { get; }
}

namespace AnomalyStudio.Core.Formats;

/// <summary>Reads back what a record was in the input: its fields and the line or row as text.</summary>
public interface IRecordSource
{
    IReadOnlyList<RecordField> Fields(int index);

    string RawText(int index);

    /// <summary>Text a search should match for the record (URI, user agent, categorical values…).</summary>
    string SearchText(int index);

    /// <summary>Bytes the parsed records occupy in memory (see <see cref="MemoryFootprint"/>).</summary>
    long EstimatedBytes { get; }
}

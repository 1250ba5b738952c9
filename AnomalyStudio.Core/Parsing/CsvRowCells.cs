using CsvHelper;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// One CSV record's cells once the columns are typed, reused from row to row: a cell of a numeric column that reads as a
/// number straight from its UTF-8 bytes is kept as that number, with no string made for it; every other cell is its text.
/// A 1M-row metrics file then makes strings only for its timestamps.
/// </summary>
internal sealed class CsvRowCells
{
    private readonly string?[] _texts;
    private readonly double[] _numbers;

    public CsvRowCells(int columns)
    {
        _texts = new string?[columns];
        _numbers = new double[columns];
    }

    /// <summary>Takes the reader's current record.</summary>
    public void Read(CsvReader reader, TableColumns columns)
    {
        for (var c = 0; c < _texts.Length; c++)
        {
            _texts[c] = columns.StoresNumbers(c) && CsvTableReader.TryNumber(reader.GetSpan(c), out _numbers[c])
                ? null
                : reader.GetString(c) ?? string.Empty;
        }
    }

    /// <summary>The cell's number when it was read as one.</summary>
    public bool TryNumber(int c, out double number)
    {
        number = _numbers[c];
        return _texts[c] is null;
    }

    /// <summary>The cell's text, when it was not read as a number.</summary>
    public string Text(int c) => _texts[c] ?? throw new InvalidOperationException($"Cell {c} was read as a number.");
}

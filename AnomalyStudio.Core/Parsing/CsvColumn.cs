namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// One CSV column, stored by kind: numbers as doubles (NaN = missing), everything else as interned text
/// (null = missing).
/// </summary>
public sealed class CsvColumn
{
    public CsvColumn(string name, ColumnRole role, double[]? numbers, string?[]? texts)
    {
        Name = name;
        Role = role;
        Numbers = numbers;
        Texts = texts;
    }

    public string Name { get; }

    public ColumnRole Role { get; }

    /// <summary>Values of a numeric column (also numeric row counters and numeric timestamps); NaN where missing.</summary>
    public double[]? Numbers { get; }

    /// <summary>Values of a text column; null where missing.</summary>
    public string?[]? Texts { get; }

    public bool IsNumeric => Numbers is not null;

    /// <summary>The cell as the user would read it.</summary>
    public string Display(int row) =>
        Numbers is not null
            ? double.IsNaN(Numbers[row]) ? string.Empty : Numbers[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture)
            : Texts![row] ?? string.Empty;
}

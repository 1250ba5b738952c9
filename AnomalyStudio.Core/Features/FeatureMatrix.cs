namespace AnomalyStudio.Core.Features;

/// <summary>
/// A dense row-major matrix of feature values with named columns. Names travel with the numbers so that
/// explanations and the UI can say which feature a value is.
/// </summary>
public sealed class FeatureMatrix
{
    public FeatureMatrix(IReadOnlyList<string> names, int rows)
        : this(names, new double[checked(rows * names.Count)])
    {
    }

    public FeatureMatrix(IReadOnlyList<string> names, double[] values)
    {
        if (names.Count == 0)
        {
            throw new ArgumentException("A feature matrix needs at least one column.", nameof(names));
        }

        if (values.Length % names.Count != 0)
        {
            throw new ArgumentException($"{values.Length} values do not fill rows of {names.Count} columns.", nameof(values));
        }

        Names = names;
        Values = values;
        Rows = values.Length / names.Count;
    }

    private FeatureMatrix(int rows)
    {
        Names = [];
        Values = [];
        Rows = rows;
    }

    /// <summary>
    /// <paramref name="rows"/> rows without features: what an input carries when a later stage makes its features instead
    /// (a table judged as a time series is fitted on its context features), so none are computed only to be dropped.
    /// </summary>
    public static FeatureMatrix WithoutColumns(int rows) => new(rows);

    public IReadOnlyList<string> Names { get; }

    public int Rows { get; }

    public int Columns => Names.Count;

    /// <summary>All values, row after row.</summary>
    public double[] Values { get; }

    public double this[int row, int column]
    {
        get => Values[(row * Columns) + column];
        set => Values[(row * Columns) + column] = value;
    }

    public ReadOnlySpan<double> Row(int row) => Values.AsSpan(row * Columns, Columns);

    public Span<double> RowForWrite(int row) => Values.AsSpan(row * Columns, Columns);

    /// <summary>A copy of the rows at <paramref name="indices"/>, in that order.</summary>
    /// <summary>This matrix's columns, then <paramref name="other"/>'s (the same rows), with their names.</summary>
    public FeatureMatrix Beside(FeatureMatrix other)
    {
        if (other.Rows != Rows)
        {
            throw new ArgumentException($"{other.Rows} rows beside {Rows}.", nameof(other));
        }

        var joined = new FeatureMatrix([.. Names, .. other.Names], Rows);
        for (var r = 0; r < Rows; r++)
        {
            Row(r).CopyTo(joined.RowForWrite(r));
            other.Row(r).CopyTo(joined.RowForWrite(r)[Columns..]);
        }

        return joined;
    }

    public FeatureMatrix Select(IReadOnlyList<int> indices)
    {
        var selected = new FeatureMatrix(Names, indices.Count);
        for (var i = 0; i < indices.Count; i++)
        {
            Row(indices[i]).CopyTo(selected.RowForWrite(i));
        }

        return selected;
    }
}

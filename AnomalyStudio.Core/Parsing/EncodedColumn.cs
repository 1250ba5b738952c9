namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// A text column stored as one code per row into a table of distinct values (dictionary encoding). A million-line log
/// has a few thousand distinct IPs, URIs and user agents: an int per row halves the column, gives the garbage
/// collector no references to trace, and lets a feature be computed once per distinct value and looked up by code.
/// The value table may be shared by several columns, so it can hold values that never occur in this one.
/// </summary>
public sealed class EncodedColumn<T> : IReadOnlyList<T>
    where T : class?
{
    private readonly int[] _codes;
    private readonly T[] _values;

    internal EncodedColumn(int[] codes, T[] values)
    {
        _codes = codes;
        _values = values;
    }

    public T this[int row] => _values[_codes[row]];

    public int Count => _codes.Length;

    public int Length => _codes.Length;

    /// <summary>Each row's code: its value's index in <see cref="Values"/>.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The value table, by code. Equal values have equal codes.</summary>
    public IReadOnlyList<T> Values => _values;

    public int CodeAt(int row) => _codes[row];

    /// <summary>The same rows over another value table: row i gets <paramref name="values"/>[its code].</summary>
    public EncodedColumn<TOther> WithValues<TOther>(TOther[] values)
        where TOther : class? =>
        values.Length < _values.Length
            ? throw new ArgumentException($"{values.Length} values do not cover {_values.Length} codes.", nameof(values))
            : new EncodedColumn<TOther>(_codes, values);

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < _codes.Length; i++)
        {
            yield return _values[_codes[i]];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

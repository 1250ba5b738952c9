using System.Runtime.InteropServices;

namespace AnomalyStudio.Core.Features;

/// <summary>How often each value of a categorical column occurs, as a share of the rows that have one.</summary>
public sealed class CategoryShares
{
    /// <summary>Values rarer than this count as rare.</summary>
    public const double RareShare = 0.01;

    private readonly Dictionary<string, double> _shares;

    // Each row's value as a code (its rank of first sight), −1 where missing, and each code's share: a row's share and
    // the comparison of two columns' values cost an array read, not a string hash.
    private readonly int[] _codes;
    private readonly double[] _shareOfCode;

    public CategoryShares(string?[] values)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        _codes = new int[values.Length];
        var present = 0;
        for (var row = 0; row < values.Length; row++)
        {
            if (values[row] is not { } value)
            {
                _codes[row] = -1;
                continue;
            }

            present++;
            ref var code = ref CollectionsMarshal.GetValueRefOrAddDefault(codes, value, out var seen);
            if (!seen)
            {
                code = counts.Count;
                counts.Add(0);
            }

            counts[code]++;
            _codes[row] = code;
        }

        _shareOfCode = counts.Select(count => (double)count / Math.Max(1, present)).ToArray();
        _shares = codes.ToDictionary(kv => kv.Key, kv => _shareOfCode[kv.Value], StringComparer.Ordinal);
        _emptyCode = codes.GetValueOrDefault(string.Empty, counts.Count);
        Distinct = counts.Count;
        Present = present;
    }

    // The code a missing value shares with the empty text where a column's value is a key (Determines); one past the
    // codes when no row is empty.
    private readonly int _emptyCode;

    public int Distinct { get; }

    public int Present { get; }

    /// <summary>
    /// A column where most values are distinct (names, ids, free text) says nothing by its rare values:
    /// every value is rare there.
    /// </summary>
    public bool IsIdentifierLike => Present >= 20 && Distinct > Present / 2;

    public double ShareOf(string value) => _shares.GetValueOrDefault(value);

    /// <summary>The share of the value in <paramref name="row"/> (of the values this was made from); 0 where it is missing.</summary>
    public double ShareAt(int row) => _codes[row] < 0 ? 0 : _shareOfCode[_codes[row]];

    /// <summary>
    /// Whether each value of this column comes with one value of <paramref name="column"/> only (column = f(this)), over
    /// the rows both were made from; a missing value counts as the empty text here, and as missing there.
    /// </summary>
    public bool Determines(CategoryShares column)
    {
        const int Unseen = int.MinValue;
        var valueOf = new int[Distinct + 1];
        Array.Fill(valueOf, Unseen);
        var rows = Math.Min(_codes.Length, column._codes.Length);
        for (var row = 0; row < rows; row++)
        {
            var key = _codes[row] < 0 ? _emptyCode : _codes[row];
            var value = column._codes[row];
            if (valueOf[key] == Unseen)
            {
                valueOf[key] = value;
            }
            else if (valueOf[key] != value)
            {
                return false;
            }
        }

        return true;
    }
}

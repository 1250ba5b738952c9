using System.Runtime.InteropServices;

namespace AnomalyStudio.Core.Features;

/// <summary>
/// The distinct rows of a feature matrix and, for every row, the index of its distinct row. Logs repeat themselves:
/// a 1,000,000-line access log has about a quarter as many distinct feature rows as lines, so a model that scores each
/// distinct row once and copies the score does a quarter of the work. Rows are equal when their values are equal bit
/// for bit, so a copied score is exactly the score the row would have got.
/// </summary>
public sealed class DistinctRows
{
    private DistinctRows(FeatureMatrix matrix, int[] map)
    {
        Matrix = matrix;
        Map = map;
    }

    /// <summary>Each distinct row once, in the order of its first appearance.</summary>
    public FeatureMatrix Matrix { get; }

    /// <summary>For row i of the original matrix, the index of its row in <see cref="Matrix"/>.</summary>
    public int[] Map { get; }

    public static DistinctRows Of(FeatureMatrix features)
    {
        var rows = features.Rows;
        var columns = features.Columns;
        var bits = MemoryMarshal.Cast<double, long>(features.Values.AsSpan());

        // Open addressing on a power-of-two table at most half full; a slot holds 1 + the distinct row's index.
        var slots = new int[(int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, rows) * 2))];
        var mask = slots.Length - 1;
        var map = new int[rows];
        var firsts = new List<int>();
        for (var r = 0; r < rows; r++)
        {
            var row = bits.Slice(r * columns, columns);
            var slot = (int)(Hash(row) & (uint)mask);
            while (true)
            {
                var held = slots[slot];
                if (held == 0)
                {
                    slots[slot] = firsts.Count + 1;
                    map[r] = firsts.Count;
                    firsts.Add(r);
                    break;
                }

                if (row.SequenceEqual(bits.Slice(firsts[held - 1] * columns, columns)))
                {
                    map[r] = held - 1;
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }

        var distinct = new FeatureMatrix(features.Names, firsts.Count);
        for (var d = 0; d < firsts.Count; d++)
        {
            features.Row(firsts[d]).CopyTo(distinct.RowForWrite(d));
        }

        return new DistinctRows(distinct, map);
    }

    /// <summary>Gives every row its distinct row's value.</summary>
    public double[] Expand(double[] distinctValues)
    {
        var values = new double[Map.Length];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = distinctValues[Map[r]];
        }

        return values;
    }

    private static uint Hash(ReadOnlySpan<long> row)
    {
        // A multiply-rotate mix per value (the constants are the 64-bit golden ratio and a large odd number);
        // equal rows always hash alike, which is all the table needs for correctness.
        var h = 0x9E3779B97F4A7C15UL;
        foreach (var v in row)
        {
            h = System.Numerics.BitOperations.RotateLeft((h ^ (ulong)v) * 0xBF58476D1CE4E5B9UL, 31);
        }

        return (uint)(h ^ (h >> 32));
    }
}

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
        var hashes = HashRows(features);
        var representative = Representatives(features, hashes);

        // Number the distinct rows in order of first appearance; an earlier row's number is always known.
        var map = representative; // reused in place: representative[r] <= r
        var firsts = new List<int>();
        for (var r = 0; r < features.Rows; r++)
        {
            if (representative[r] == r)
            {
                map[r] = firsts.Count;
                firsts.Add(r);
            }
            else
            {
                map[r] = map[representative[r]];
            }
        }

        var distinct = new FeatureMatrix(features.Names, firsts.Count);
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, firsts.Count, 65_536), range =>
        {
            for (var d = range.Item1; d < range.Item2; d++)
            {
                features.Row(firsts[d]).CopyTo(distinct.RowForWrite(d));
            }
        });

        return new DistinctRows(distinct, map);
    }

    /// <summary>The rows sampled by <see cref="Repeat"/>.</summary>
    public const int SampleRows = 4_096;

    /// <summary>
    /// Whether the rows repeat often enough to be worth finding the distinct ones: more than one in a hundred of
    /// <see cref="SampleRows"/> rows spread evenly over the matrix equals an earlier one (by hash). A log's rows repeat
    /// in most samples; a time series' context rows, which are continuous, never do, and finding that out on the whole
    /// matrix cost a tenth of scoring it. A matrix whose repeats the sample misses is scored row by row, with the same scores.
    /// </summary>
    public static bool Repeat(FeatureMatrix features)
    {
        var sample = Math.Min(features.Rows, SampleRows);
        if (sample == 0)
        {
            return false;
        }

        var bits = MemoryMarshal.Cast<double, long>(features.Values.AsSpan());
        var seen = new HashSet<ulong>(sample);
        var repeats = 0;
        for (var k = 0; k < sample; k++)
        {
            var row = (int)((long)k * features.Rows / sample);
            repeats += seen.Add(Hash(bits.Slice(row * features.Columns, features.Columns))) ? 0 : 1;
        }

        return repeats * 100 > sample;
    }

    private static ulong[] HashRows(FeatureMatrix features)
    {
        var (rows, columns, values) = (features.Rows, features.Columns, features.Values);
        var hashes = new ulong[rows];
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, rows, 65_536), range =>
        {
            var bits = MemoryMarshal.Cast<double, long>(values.AsSpan());
            for (var r = range.Item1; r < range.Item2; r++)
            {
                hashes[r] = Hash(bits.Slice(r * columns, columns));
            }
        });
        return hashes;
    }

    private const ulong TagMask = 0xFFFF_FFFF_0000_0000UL;

    /// <summary>For every row, the earliest row equal to it (itself when it is the first of its kind).</summary>
    private static int[] Representatives(FeatureMatrix features, ulong[] hashes)
    {
        // Each worker owns the rows whose hash falls in its share and finds, for each, the first row equal to it.
        // A row's representative is the earliest equal row whoever found it, so the result does not depend on threads.
        var (rows, columns, values) = (features.Rows, features.Columns, features.Values);
        var representative = new int[rows];
        var shares = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 1, 16));
        var shareBits = System.Numerics.BitOperations.Log2((uint)shares);
        Parallel.For(0, shares, share =>
        {
            // A slot holds a row's hash's upper half and the row's number + 1 (0: empty), so a probe reads no other array
            // unless the halves match, and then compares the rows themselves.
            var bits = MemoryMarshal.Cast<double, long>(values.AsSpan());
            var slots = new ulong[(int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, rows / shares) * 2))];
            var mask = slots.Length - 1;
            for (var r = 0; r < rows; r++)
            {
                var hash = hashes[r];
                if (shareBits > 0 && (int)(hash >> (64 - shareBits)) != share)
                {
                    continue;
                }

                var tag = hash & TagMask;
                var slot = (int)hash & mask;
                while (true)
                {
                    var entry = slots[slot];
                    if (entry == 0)
                    {
                        slots[slot] = tag | (uint)(r + 1);
                        representative[r] = r;
                        break;
                    }

                    var held = (int)(uint)entry - 1;
                    if ((entry & TagMask) == tag && bits.Slice(r * columns, columns).SequenceEqual(bits.Slice(held * columns, columns)))
                    {
                        representative[r] = held;
                        break;
                    }

                    slot = (slot + 1) & mask;
                }
            }
        });
        return representative;
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

    private static ulong Hash(ReadOnlySpan<long> row)
    {
        // A multiply-rotate mix per value and a final avalanche (the constants are splitmix64's); equal rows always
        // hash alike, which is all correctness needs, and the mix spreads rows over both the table and the workers.
        var h = 0x9E3779B97F4A7C15UL;
        foreach (var v in row)
        {
            h = System.Numerics.BitOperations.RotateLeft((h ^ (ulong)v) * 0xBF58476D1CE4E5B9UL, 31);
        }

        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }
}

using System.Buffers;

namespace AnomalyStudio.Core.Scoring;

/// <summary>
/// Sorts doubles ascending into exactly the order <see cref="Array.Sort(Array)"/> gives, in linear time: a
/// least-significant-digit radix sort on the bits, turned so that unsigned order is numeric order. A million scores
/// (the calibration's baseline, the dashboard's threshold control) sort in a fraction of a comparison sort's time.
/// Equal values are equal bit for bit except 0 and −0, which a comparison sort may leave in either order, and NaN,
/// which it puts first: an input with either takes <see cref="Array.Sort(Array)"/>, so the result never depends on
/// which sort ran.
/// </summary>
public static class DoubleSort
{
    /// <summary>Below this length a comparison sort is as fast.</summary>
    private const int RadixFrom = 4096;

    private const int DigitBits = 8;
    private const int Buckets = 1 << DigitBits;
    private const int Digits = 64 / DigitBits;

    /// <summary>Sorts <paramref name="values"/> in place, ascending.</summary>
    public static void Sort(double[] values) => Sort(values.AsSpan());

    /// <inheritdoc cref="Sort(double[])"/>
    public static void Sort(Span<double> values)
    {
        if (values.Length < RadixFrom)
        {
            values.Sort();
            return;
        }

        var keys = ArrayPool<ulong>.Shared.Rent(values.Length);
        var spare = ArrayPool<ulong>.Shared.Rent(values.Length);
        try
        {
            var counts = new int[Digits * Buckets];
            if (!TryKeys(values, keys, counts))
            {
                values.Sort();
                return;
            }

            var sorted = RadixPasses(keys.AsSpan(0, values.Length), spare.AsSpan(0, values.Length), counts);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = FromKey(sorted[i]);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<ulong>.Shared.Return(spare);
        }
    }

    /// <summary>The keys of every value and each digit's histogram; false when a NaN or a −0 calls for the comparison sort.</summary>
    private static bool TryKeys(ReadOnlySpan<double> values, ulong[] keys, int[] counts)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var bits = BitConverter.DoubleToInt64Bits(values[i]);
            if (bits == long.MinValue || double.IsNaN(values[i]))
            {
                return false;
            }

            var key = ToKey(bits);
            keys[i] = key;
            for (var d = 0; d < Digits; d++)
            {
                counts[(d * Buckets) + (int)((key >> (d * DigitBits)) & (Buckets - 1))]++;
            }
        }

        return true;
    }

    /// <summary>One stable counting pass per digit, lowest first; a digit every key shares is skipped. Returns the span holding the result.</summary>
    private static Span<ulong> RadixPasses(Span<ulong> from, Span<ulong> to, int[] counts)
    {
        var n = from.Length;
        Span<int> offsets = stackalloc int[Buckets];
        for (var d = 0; d < Digits; d++)
        {
            var shift = d * DigitBits;
            var histogram = counts.AsSpan(d * Buckets, Buckets);
            if (histogram[(int)((from[0] >> shift) & (Buckets - 1))] == n)
            {
                continue;
            }

            var sum = 0;
            for (var b = 0; b < Buckets; b++)
            {
                offsets[b] = sum;
                sum += histogram[b];
            }

            foreach (var key in from)
            {
                to[offsets[(int)((key >> shift) & (Buckets - 1))]++] = key;
            }

            var swap = from;
            from = to;
            to = swap;
        }

        return from;
    }

    // Negative numbers: all bits flipped (a larger magnitude is smaller); positive: the sign bit set (above every negative).
    private static ulong ToKey(long bits) => bits < 0 ? ~(ulong)bits : (ulong)bits | 0x8000_0000_0000_0000UL;

    private static double FromKey(ulong key) =>
        BitConverter.Int64BitsToDouble((long)((key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key));
}

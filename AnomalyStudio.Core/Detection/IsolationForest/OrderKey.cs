namespace AnomalyStudio.Core.Detection.IsolationForest;

/// <summary>
/// Doubles as unsigned integers in the same order, so a tree's step compares integers: <c>Of(x) &gt; OfThreshold(t)</c>
/// exactly when <c>x &gt; t</c>. The sign bit is set on positive numbers and every bit flipped on negative ones; 0 and −0
/// get one key (neither is above the other), a NaN value the lowest key (it is above no threshold), and a NaN threshold
/// the highest (no value is above it).
/// </summary>
internal static class OrderKey
{
    private const ulong Sign = 0x8000_0000_0000_0000UL;

    public static ulong Of(double value)
    {
        if (double.IsNaN(value))
        {
            return 0; // below every number's key: the lowest, −∞, is 0x000F_FFFF_FFFF_FFFF
        }

        var bits = BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value);
        return bits < 0 ? ~(ulong)bits : (ulong)bits | Sign;
    }

    public static ulong OfThreshold(double threshold) => double.IsNaN(threshold) ? ulong.MaxValue : Of(threshold);

    /// <summary>The key of every value, in order.</summary>
    public static void Fill(ReadOnlySpan<double> values, Span<ulong> keys)
    {
        for (var i = 0; i < values.Length; i++)
        {
            keys[i] = Of(values[i]);
        }
    }
}

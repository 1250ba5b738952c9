using AnomalyStudio.Core.Parsing;
using System.Runtime.CompilerServices;

namespace AnomalyStudio.Core.Formats;

/// <summary>
/// Estimates what arrays and strings occupy on the managed heap of a 64-bit .NET runtime, from their lengths:
/// an array is a 16-byte header, an 8-byte length and its elements; a string is a 20-byte header and length,
/// two bytes per character and a terminator, rounded up to 8. It is an estimate of what a result keeps alive,
/// used to refuse results too large to keep, not an exact accounting of the heap.
/// </summary>
public static class MemoryFootprint
{
    private const long ArrayOverhead = 24;
    private const long StringOverhead = 22;

    /// <summary>An array (0 for none): its values, or for an array of references the references, not what they point to.</summary>
    public static long Of<T>(T[]? array) =>
        array is null ? 0 : ArrayOverhead + ((long)array.Length * Unsafe.SizeOf<T>());

    /// <summary>A dictionary-encoded column's codes; its value table is counted once for all columns that share it.</summary>
    public static long Of<T>(EncodedColumn<T> column)
        where T : class? =>
        ArrayOverhead + (4L * column.Count);

    /// <summary>A table of distinct values: its references and its strings.</summary>
    public static long Of(IReadOnlyList<string?> values)
    {
        var bytes = ArrayOverhead + (8L * values.Count);
        foreach (var value in values)
        {
            bytes += value is null ? 0 : Of(value);
        }

        return bytes;
    }

    /// <summary>One string.</summary>
    public static long Of(string value) => (StringOverhead + (2L * value.Length) + 7) & ~7L;

    /// <summary>
    /// The strings the arrays point to, each distinct value counted once: parsers intern repeated values, so most
    /// cells share a handful of strings and counting per cell would overstate a log's size several times over.
    /// Counting values rather than objects keeps the estimate the same from run to run: a log parsed in parallel
    /// has one pool per thread, so a value may be one object or a few depending on how the blocks fell.
    /// </summary>
    public static long DistinctStrings(params IEnumerable<string?[]?> columns)
    {
        // Objects first (cheap: no hashing of the text), then values among the few distinct objects.
        var seen = new HashSet<string>(ReferenceEqualityComparer.Instance);
        var values = new HashSet<string>(StringComparer.Ordinal);
        long bytes = 0;
        foreach (var column in columns)
        {
            if (column is null)
            {
                continue;
            }

            string? previous = null;
            foreach (var value in column)
            {
                // Neighbouring cells often hold the same string: skip the set for them.
                if (value is null || ReferenceEquals(value, previous))
                {
                    continue;
                }

                previous = value;
                if (seen.Add(value) && values.Add(value))
                {
                    bytes += Of(value);
                }
            }
        }

        return bytes;
    }
}

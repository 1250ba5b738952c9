using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.Tests.Core.Formats;

/// <summary>The size estimate behind the session memory cap: array lengths, and shared strings counted once.</summary>
public sealed class MemoryFootprintTests
{
    [Fact]
    public void Counts_an_array_by_its_length_and_element_size()
    {
        Assert.Equal(24 + (1000 * 8), MemoryFootprint.Of(new double[1000]));
        Assert.Equal(24 + 1000, MemoryFootprint.Of(new AnomalyStudio.Core.Scoring.Severity[1000]));
        Assert.Equal(24 + (1000 * IntPtr.Size), MemoryFootprint.Of(new string[1000]));
        Assert.Equal(0, MemoryFootprint.Of<double>(null));
    }

    [Fact]
    public void Counts_a_string_shared_by_many_cells_once()
    {
        var shared = new string('x', 100);
        var column = Enumerable.Repeat(shared, 1000).ToArray();
        var other = new[] { shared, new string('y', 100), null };

        Assert.Equal(2 * MemoryFootprint.Of(shared), MemoryFootprint.DistinctStrings(column, other));
        Assert.Equal(224, MemoryFootprint.Of(shared)); // 22 bytes of header, length and terminator + 200 = 222, rounded up to 8
    }

    [Fact]
    public void Counts_equal_strings_held_as_separate_objects_once()
    {
        // A log parsed on several threads interns per thread: the same address may be one object or a few.
        var one = new string('a', 13);
        var copy = new string('a', 13);
        Assert.NotSame(one, copy);

        Assert.Equal(MemoryFootprint.Of(one), MemoryFootprint.DistinctStrings([one, copy], [copy]));
    }
}

using System.Runtime.CompilerServices;

namespace AnomalyStudio.Core.TimeSeries;

/// <summary>The maximum of the last <c>capacity</c> values added, in constant amortised time per value (a monotone deque in a ring buffer).</summary>
public sealed class SlidingMaximum
{
    private readonly long[] _index;
    private readonly double[] _value;
    private readonly int _capacity;
    private int _head;
    private int _count;
    private long _next;

    public SlidingMaximum(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _index = new long[capacity + 1];
        _value = new double[capacity + 1];
    }

    /// <summary>The largest of the last values added; 0 before any.</summary>
    public double Maximum => _count == 0 ? 0 : _value[_head];

    public void Add(double value)
    {
        var size = _index.Length;
        while (_count > 0 && _value[(_head + _count - 1) % size] <= value)
        {
            _count--;
        }

        var tail = (_head + _count) % size;
        _index[tail] = _next;
        _value[tail] = value;
        _count++;
        _next++;
        while (_index[_head] <= _next - 1 - _capacity)
        {
            _head = (_head + 1) % size;
            _count--;
        }
    }

    /// <summary>Per position, the maximum of <paramref name="values"/> within <paramref name="radius"/> positions either side.</summary>
    // Run once per file over every row: compiled fully optimised at once. Tiered compilation would start it unoptimised
    // and move to optimised code only inside the loop, which cost a cold process (the CLI, a server's first uploads)
    // more than the work itself on a million rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] Centred(double[] values, int radius)
    {
        var result = new double[values.Length];
        var window = new SlidingMaximum((2 * radius) + 1);
        for (var k = 0; k < values.Length + radius; k++)
        {
            window.Add(k < values.Length ? values[k] : double.NegativeInfinity);
            if (k - radius >= 0)
            {
                result[k - radius] = window.Maximum;
            }
        }

        return result;
    }
}

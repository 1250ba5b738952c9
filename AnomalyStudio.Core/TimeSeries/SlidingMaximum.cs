namespace AnomalyStudio.Core.TimeSeries;

/// <summary>The maximum of the last <c>capacity</c> values added, in constant amortised time per value (a monotone deque).</summary>
public sealed class SlidingMaximum(int capacity)
{
    private readonly LinkedList<(long Index, double Value)> _candidates = new();
    private long _next;

    /// <summary>The largest of the last values added; 0 before any.</summary>
    public double Maximum => _candidates.First?.Value.Value ?? 0;

    public void Add(double value)
    {
        while (_candidates.Last is { } last && last.Value.Value <= value)
        {
            _candidates.RemoveLast();
        }

        _candidates.AddLast((_next, value));
        _next++;
        while (_candidates.First!.Value.Index <= _next - 1 - capacity)
        {
            _candidates.RemoveFirst();
        }
    }
}

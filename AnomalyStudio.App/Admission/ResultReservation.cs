namespace AnomalyStudio.App.Admission;

/// <summary>One kept result's share of the <see cref="ResultMemoryBudget"/>; disposing it (once or more) gives the share back.</summary>
public sealed class ResultReservation : IDisposable
{
    private readonly ResultMemoryBudget _budget;
    private long _bytes;

    internal ResultReservation(ResultMemoryBudget budget, long bytes)
    {
        _budget = budget;
        _bytes = bytes;
    }

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Dispose()
    {
        var bytes = Interlocked.Exchange(ref _bytes, 0);
        if (bytes != 0)
        {
            _budget.Release(bytes);
        }
    }
}

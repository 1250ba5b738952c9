namespace AnomalyStudio.Tests.Support;

/// <summary>Progress that records on the reporting thread (Progress&lt;T&gt; posts to the pool and reorders).</summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}

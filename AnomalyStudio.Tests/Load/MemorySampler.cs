namespace AnomalyStudio.Tests.Load;

/// <summary>Samples a process's resident set (and, for this process, the managed heap) in the background to find the peak.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public MemorySampler(int processId, Func<int>? extra = null)
    {
        _sampling = Task.Run(async () =>
        {
            var inProcess = processId == Environment.ProcessId;
            while (!_stop.IsCancellationRequested)
            {
                PeakResidentBytes = Math.Max(PeakResidentBytes, ProcessMemory.ResidentBytes(processId));
                if (inProcess)
                {
                    PeakManagedBytes = Math.Max(PeakManagedBytes, GC.GetTotalMemory(forceFullCollection: false));
                }

                if (extra is not null)
                {
                    PeakExtra = Math.Max(PeakExtra, extra());
                }

                try
                {
                    await Task.Delay(100, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
    }

    public long PeakResidentBytes { get; private set; }

    /// <summary>The largest managed heap seen (garbage included), for this process only.</summary>
    public long PeakManagedBytes { get; private set; }

    /// <summary>The largest value of the extra figure sampled (e.g. detections waiting).</summary>
    public int PeakExtra { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}

using System.Runtime;

namespace AnomalyStudio.Tests.Load;

/// <summary>Memory figures of a process: its resident set from <c>/proc</c>, and for this process the live managed heap.</summary>
public static class ProcessMemory
{
    /// <summary>VmRSS of a process in bytes (Linux), or -1 where /proc is not available.</summary>
    public static long ResidentBytes(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return -1;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// Bytes of managed objects still reachable, after full blocking collections that also compact the large object
    /// heap (where result arrays live): what a leak would make grow, unlike the resident set, which the GC keeps
    /// after a peak for reuse.
    /// </summary>
    public static long LiveManagedBytes()
    {
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

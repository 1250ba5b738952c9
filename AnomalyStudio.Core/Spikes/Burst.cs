namespace AnomalyStudio.Core.Spikes;

/// <summary>A run of adjacent burst buckets in one series: first and last bucket, their records, what their neighbours make typical, and the largest z.</summary>
public readonly record struct Burst(int First, int Last, int Count, double Expected, double PeakZ)
{
    public double Excess => Count - Expected;
}

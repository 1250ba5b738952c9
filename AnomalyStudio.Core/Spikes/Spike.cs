namespace AnomalyStudio.Core.Spikes;

/// <summary>A burst in one rate series: its window, how many records it had against how many its neighbours make typical, and why.</summary>
public sealed record Spike(string Series, TimeWindow Window, int Count, double Expected, double PeakZ, SpikeExplanation Explanation)
{
    public double Ratio => Count / Math.Max(1, Expected);
}

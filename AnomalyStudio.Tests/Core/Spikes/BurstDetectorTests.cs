using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Tests.Core.Spikes;

public sealed class BurstDetectorTests
{
    /// <summary>Seeded Poisson-like counts around 100 a minute; the Poisson floor on σ keeps their noise from being bursts.</summary>
    private static int[] Steady(int minutes, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, minutes).Select(_ => 100 + (int)Math.Round(10 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2)).ToArray();
    }

    [Fact]
    public void Finds_one_burst_of_adjacent_minutes_and_nothing_in_steady_traffic()
    {
        var counts = Steady(300, 1);
        var active = Enumerable.Range(0, counts.Length).ToArray();
        Assert.Empty(BurstDetector.Find(counts, active, new SpikeOptions()));

        counts[150] = 400;
        counts[151] = 350;
        var burst = Assert.Single(BurstDetector.Find(counts, active, new SpikeOptions()));
        Assert.Equal((150, 151), (burst.First, burst.Last));
        Assert.Equal(750, burst.Count);
        Assert.InRange(burst.Expected, 180, 220);
    }

    [Fact]
    public void Empty_minutes_between_sampled_ones_are_not_a_baseline_of_zero()
    {
        // Traffic in one minute of every hour, as in the Elastic example log.
        var counts = new int[60 * 48];
        var active = Enumerable.Range(0, 48).Select(h => (h * 60) + 5).ToArray();
        var steady = Steady(48, 2);
        for (var h = 0; h < 48; h++)
        {
            counts[active[h]] = steady[h];
        }

        Assert.Empty(BurstDetector.Find(counts, active, new SpikeOptions()));
        counts[active[30]] = 500;
        Assert.Equal(active[30], Assert.Single(BurstDetector.Find(counts, active, new SpikeOptions())).First);
    }
}

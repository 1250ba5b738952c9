using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Tests.Core.Scoring;

public sealed class FileThresholdTests
{
    private static readonly CalibrationOptions Options = new();
    private static readonly SeverityThresholds Bands = SeverityThresholds.IsolationForestDefaults;

    /// <summary>Distances of a body of ordinary records (a folded normal, as robust distances above the typical record are) and, optionally, a group of outliers.</summary>
    private static double[] Distances(int ordinary, int outliers, double outlierCentre, int seed = 3)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var body = Enumerable.Range(0, ordinary).Select(_ => Normal() * 0.8);
        var group = Enumerable.Range(0, outliers).Select(_ => outlierCentre + (Normal() * 0.3));
        return [.. body.Concat(group).OrderBy(_ => random.Next())];
    }

    [Fact]
    public void A_file_of_repeating_records_is_flagged_at_the_fixed_distance()
    {
        // Log lines of a few templates: many records share each distance.
        double[] distances = [.. Enumerable.Range(0, 2000).Select(i => (i % 7) * 0.4)];

        var threshold = FileThreshold.Choose(distances, Options, Bands);

        Assert.Equal(ThresholdMethod.Distance, threshold.Method);
        Assert.Equal(Options.LowZ, threshold.Distance);
        Assert.Equal(Bands.Low, threshold.Score);
        Assert.Contains("repeat", threshold.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_continuous_file_with_a_group_of_outliers_is_split_where_the_group_starts()
    {
        var distances = Distances(ordinary: 4850, outliers: 150, outlierCentre: 2.8);

        var threshold = FileThreshold.Choose(distances, Options, Bands);

        Assert.Equal(ThresholdMethod.Split, threshold.Method);
        Assert.InRange(threshold.Distance!.Value, 1.2, 2.6);
        var flagged = distances.Count(d => d >= threshold.Distance);
        Assert.InRange(flagged, 150, 400);
        Assert.Contains("upper group", threshold.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_beyond_the_fixed_distance_is_capped_there()
    {
        var distances = Distances(ordinary: 4900, outliers: 100, outlierCentre: 9);

        var threshold = FileThreshold.Choose(distances, Options, Bands);

        Assert.Equal(ThresholdMethod.Split, threshold.Method);
        Assert.Equal(Options.LowZ, threshold.Distance);
        Assert.Equal(100, distances.Count(d => d >= threshold.Distance));
    }

    [Fact]
    public void The_same_distances_give_the_same_threshold_whatever_their_order()
    {
        var distances = Distances(ordinary: 20_000, outliers: 300, outlierCentre: 3);
        var reversed = distances.Reverse().ToArray();

        var first = FileThreshold.Choose(distances, Options, Bands);
        var again = FileThreshold.Choose(distances, Options, Bands);
        var other = FileThreshold.Choose(reversed, Options, Bands);

        Assert.Equal(first, again);
        Assert.Equal(first.Distance, other.Distance);
    }

    [Fact]
    public void A_million_records_are_judged_on_a_sample_that_lands_close_to_the_whole()
    {
        var distances = Distances(ordinary: 1_000_000, outliers: 20_000, outlierCentre: 3, seed: 11);
        var sample = Distances(ordinary: 50_000, outliers: 1_000, outlierCentre: 3, seed: 11);

        var whole = FileThreshold.Choose(distances, Options, Bands);
        var small = FileThreshold.Choose(sample, Options, Bands);

        Assert.InRange(whole.Distance!.Value, small.Distance!.Value - 0.15, small.Distance.Value + 0.15);
    }

    [Fact]
    public void Infinite_and_missing_distances_do_not_break_the_choice()
    {
        var distances = Distances(ordinary: 1000, outliers: 30, outlierCentre: 3).Concat([double.PositiveInfinity, double.NaN]).ToArray();

        var threshold = FileThreshold.Choose(distances, Options, Bands);

        Assert.True(double.IsFinite(threshold.Distance!.Value));
    }

    [Fact]
    public void A_file_too_small_to_split_keeps_the_fixed_distance()
    {
        var threshold = FileThreshold.Choose([0.1, 0.2, 0.3, 0.4, 0.5], Options, Bands);

        Assert.Equal(ThresholdMethod.Distance, threshold.Method);
        Assert.Equal(Options.LowZ, threshold.Distance);
    }
}

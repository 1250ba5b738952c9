using System.Runtime.InteropServices;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Scoring;

public sealed class DoubleSortTests
{
    [Fact]
    public void Sorts_the_real_logs_scores_into_the_order_Array_Sort_gives_bit_for_bit()
    {
        var features = ElasticLog.Features.Matrix;
        var scores = new AnomalyStudio.Core.Detection.IsolationForest.IsolationForestDetector().Fit(features).Score(features);
        double[] values = [.. scores, .. scores.Select(s => Math.Log(s)), .. features.Values]; // repeats, negatives, zeros

        AssertSortsLikeArraySort(values);
    }

    [Fact]
    public void Sorts_infinities_subnormals_and_extremes_like_Array_Sort()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 20_000).Select(i => (i % 7) switch
        {
            0 => double.PositiveInfinity,
            1 => double.NegativeInfinity,
            2 => double.Epsilon * random.Next(1, 1000) * (random.Next(2) == 0 ? -1 : 1),
            3 => double.MaxValue * random.NextDouble() * (random.Next(2) == 0 ? -1 : 1),
            4 => 0.0,
            _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300)),
        }).ToArray();

        AssertSortsLikeArraySort(values);
    }

    [Fact]
    public void Leaves_NaN_and_negative_zero_to_the_comparison_sort()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => i % 97 == 0 ? double.NaN : i % 89 == 0 ? -0.0 : i % 13 - 6.0).ToArray();

        AssertSortsLikeArraySort(values);
    }

    private static void AssertSortsLikeArraySort(double[] values)
    {
        var expected = (double[])values.Clone();
        Array.Sort(expected);
        var sorted = (double[])values.Clone();

        DoubleSort.Sort(sorted);

        Assert.Equal(MemoryMarshal.Cast<double, long>(expected).ToArray(), MemoryMarshal.Cast<double, long>(sorted).ToArray());
    }
}

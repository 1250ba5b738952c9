using AnomalyStudio.Core.Detection.IsolationForest;

namespace AnomalyStudio.Tests.Core.Detection.IsolationForest;

public sealed class OrderKeyTests
{
    private static readonly double[] Values =
    [
        double.NaN, double.NegativeInfinity, double.MinValue, -1e300, -1.5, -1, -double.Epsilon, -0.0, 0.0, double.Epsilon,
        1e-310, 0.5, 1, 1.0000000000000002, 2, 1e300, double.MaxValue, double.PositiveInfinity, -double.NaN,
    ];

    [Fact]
    public void A_value_is_above_a_threshold_exactly_when_its_key_is_above_the_thresholds_key()
    {
        foreach (var value in Values)
        {
            foreach (var threshold in Values)
            {
                Assert.True(value > threshold == OrderKey.Of(value) > OrderKey.OfThreshold(threshold), $"{value} > {threshold}");
            }
        }
    }
}

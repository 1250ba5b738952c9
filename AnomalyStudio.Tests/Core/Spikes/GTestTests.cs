using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Tests.Core.Spikes;

public sealed class GTestTests
{
    [Fact]
    public void Equal_shares_are_not_significant()
    {
        Assert.Equal(1, GTest.PValue(10, 100, 50, 500), 9);
    }

    [Fact]
    public void Matches_the_log_likelihood_ratio_computed_by_hand()
    {
        // [[10, 10], [10, 70]]: expected [[4, 16], [16, 64]]; G = 2 Σ O ln(O/E) = 12.0714…, χ²(1) tail = erfc(√(G/2)).
        var g = 2 * ((10 * Math.Log(10 / 4.0)) + (10 * Math.Log(10 / 16.0)) + (10 * Math.Log(10 / 16.0)) + (70 * Math.Log(70 / 64.0)));
        Assert.Equal(12.0714, g, 3);
        Assert.Equal(5.1202e-4, GTest.PValue(10, 20, 10, 80), 7);
    }

    [Fact]
    public void A_larger_difference_is_more_significant()
    {
        Assert.True(GTest.PValue(30, 100, 10, 1000) < GTest.PValue(15, 100, 10, 1000));
    }
}

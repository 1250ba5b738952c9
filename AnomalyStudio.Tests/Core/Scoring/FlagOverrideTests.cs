using AnomalyStudio.Core;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Tests.Core.Scoring;

public sealed class FlagOverrideTests
{
    private static readonly double[] Scores = [0.1, 0.9, 0.3, 0.7, 0.7, 0.2, 0.5];

    [Fact]
    public void A_score_flags_every_record_at_or_above_it()
    {
        var threshold = new FlagOverride { Score = 0.5 }.Resolve(Scores);

        Assert.Equal(0.5, threshold.Score);
        Assert.Equal(ThresholdMethod.Manual, threshold.Method);
        Assert.Equal(4, Scores.Count(s => s >= threshold.Score));
    }

    [Fact]
    public void Top_n_flags_the_n_highest_and_those_tied_with_the_last()
    {
        Assert.Equal(0.9, new FlagOverride { Top = 1 }.Resolve(Scores).Score);
        var two = new FlagOverride { Top = 2 }.Resolve(Scores);
        Assert.Equal(0.7, two.Score);
        Assert.Equal(3, Scores.Count(s => s >= two.Score));
        Assert.Equal(ThresholdMethod.Top, two.Method);
        Assert.Equal(0.1, new FlagOverride { Top = 100 }.Resolve(Scores).Score);
    }

    [Fact]
    public void A_presorted_copy_gives_the_same_threshold()
    {
        var sorted = FlagOverride.SortedDescending(Scores);

        Assert.Equal(new FlagOverride { Top = 3 }.Resolve(Scores), new FlagOverride { Top = 3 }.Resolve(Scores, sorted));
        Assert.Equal([0.9, 0.7, 0.7, 0.5, 0.3, 0.2, 0.1], sorted);
    }

    [Theory]
    [InlineData(-0.1, null, "between 0 and 1")]
    [InlineData(1.5, null, "between 0 and 1")]
    [InlineData(double.NaN, null, "between 0 and 1")]
    [InlineData(null, 0, "at least 1")]
    [InlineData(0.5, 3, "not both")]
    [InlineData(null, null, "Give a threshold")]
    public void Invalid_requests_are_refused_with_a_message(double? score, int? top, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => new FlagOverride { Score = score, Top = top }.Validate());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}

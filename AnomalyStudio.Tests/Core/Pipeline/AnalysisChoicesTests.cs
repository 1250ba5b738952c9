using AnomalyStudio.Core;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.Tests.Core.Pipeline;

public sealed class AnalysisChoicesTests
{
    [Theory]
    [InlineData(null, AnalysisChoice.Auto)]
    [InlineData(" Records ", AnalysisChoice.Records)]
    [InlineData("timeseries", AnalysisChoice.TimeSeries)]
    [InlineData("time-series", AnalysisChoice.TimeSeries)]
    public void Reads_the_words_the_three_doors_share(string? word, AnalysisChoice expected) =>
        Assert.Equal(expected, AnalysisChoices.Parse(word));

    [Fact]
    public void An_unknown_word_is_bad_input_naming_the_choices()
    {
        var error = Assert.Throws<InvalidInputException>(() => AnalysisChoices.Parse("weekly"));

        Assert.Equal("Unknown analysis 'weekly': use auto, records, time-series.", error.Message);
    }
}

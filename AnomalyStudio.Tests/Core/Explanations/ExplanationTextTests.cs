using AnomalyStudio.Core.Explanations;

namespace AnomalyStudio.Tests.Core.Explanations;

public sealed class ExplanationTextTests
{
    [Fact]
    public void Names_the_strongest_reasons_first_whatever_order_they_were_found_in()
    {
        List<Reason> reasons = [new("HTTP 404 not found", 40), new("URI contains SQL injection (UNION SELECT)", 99), new("scanner user agent (sqlmap)", 92)];

        Assert.Equal("URI contains SQL injection (UNION SELECT); scanner user agent (sqlmap); HTTP 404 not found", ExplanationText.Join(reasons));
    }

    [Fact]
    public void Names_at_most_four_reasons_and_drops_the_weakest()
    {
        List<Reason> reasons = [new("e", 10), new("a", 100), new("d", 30), new("b", 90), new("c", 50)];

        Assert.Equal(4, ExplanationText.MaxReasons);
        Assert.Equal("a; b; c; d", ExplanationText.Join(reasons));
    }

    [Fact]
    public void Says_no_single_field_stands_out_when_there_is_no_reason()
    {
        Assert.Equal("unusual combination of values (no single field stands out)", ExplanationText.Join([]));
        Assert.Equal(ExplanationText.NoSingleReason, ExplanationText.Join([]));
    }
}

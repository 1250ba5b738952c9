using System.Globalization;
using System.Text;
using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Explanations;

/// <summary>
/// A service's metrics (latency, payload size, the service's name) over 300 rows from a seeded generator, with a
/// few rows that stand out, explained from the summary features as the pipeline's pretrained CSV model sees them.
/// </summary>
public sealed class CsvExplainerTests
{
    private const int Slow = 300, Miner = 301, Missing = 302, Ordinary = 303, Both = 304;

    private static readonly Lazy<CsvFeatures> Metrics = new(() =>
    {
        var random = new Random(7);
        var text = new StringBuilder("latency_ms,payload_bytes,service\n");
        string[] services = ["checkout", "search", "catalogue"];
        for (var row = 0; row < 300; row++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{170 + random.Next(21)},{4000 + random.Next(400)},{services[row % 3]}\n");
        }

        text.Append("5210,4100,search\n");    // Slow
        text.Append("180,4200,crypto-miner\n"); // Miner
        text.Append(",4150,checkout\n");      // Missing
        text.Append("180,4200,search\n");     // Ordinary
        text.Append("230,4200,bitcoin-pool\n"); // Both
        using var stream = TextInput.Utf8(text.ToString());
        return CsvFeatureExtractor.Summary(new CsvTableReader().Read(stream, ','));
    });

    private static string Explain(int row) => ExplanationText.Join(CsvExplainer.Reasons(Metrics.Value, row));

    [Fact]
    public void Names_a_value_far_above_typical_with_its_distance_in_robust_sigma_clipped_at_50()
    {
        Assert.Equal("latency_ms 5,210 is 50 column spreads above typical (179)", Explain(Slow));
        Assert.Equal(99, CsvExplainer.Reasons(Metrics.Value, Slow).Single().Strength);
    }

    [Fact]
    public void Names_a_rare_category_with_its_share_of_rows()
    {
        Assert.Equal("service 'crypto-miner' is rare (0.33% of rows)", Explain(Miner));
    }

    [Fact]
    public void Names_a_missing_value()
    {
        Assert.Equal("1 value missing", Explain(Missing));
    }

    [Fact]
    public void Gives_no_reason_for_an_ordinary_row()
    {
        Assert.Empty(CsvExplainer.Reasons(Metrics.Value, Ordinary));
        Assert.Equal(ExplanationText.NoSingleReason, Explain(Ordinary));
    }

    [Fact]
    public void A_rare_category_comes_before_a_moderate_deviation()
    {
        var named = Explain(Both).Split("; ");

        Assert.Equal(2, named.Length);
        Assert.Equal("service 'bitcoin-pool' is rare (0.33% of rows)", named[0]);
        Assert.Matches(@"^latency_ms 230 is \d+(\.\d)? column spreads above typical \(179\)$", named[1]);
    }
}

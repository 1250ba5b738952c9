using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Scoring;

public sealed class LabelValuesTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData(" 0 ")]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("no")]
    [InlineData("N")]
    [InlineData("normal")]
    [InlineData("Normal")]
    [InlineData("benign")]
    [InlineData("BENIGN")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("ok")]
    [InlineData("negative")]
    [InlineData("inlier")]
    public void Reads_normal_labels(string label)
    {
        Assert.False(LabelValues.IsAnomaly(label));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.0")]
    [InlineData("true")]
    [InlineData("yes")]
    [InlineData("anomaly")]
    [InlineData("attack")]
    [InlineData("outlier")]
    [InlineData("KERNDTLB")]
    [InlineData("APPSEV")]
    public void Reads_other_labels_as_anomalies(string label)
    {
        Assert.True(LabelValues.IsAnomaly(label));
    }

    [Fact]
    public void Reads_a_missing_label_as_normal()
    {
        Assert.False(LabelValues.IsAnomaly(null));
    }

    [Theory]
    // numpy.savetxt's default format ('%.18e') writes labels this way.
    [InlineData("0.000000000000000000e+00", false)]
    [InlineData("1.000000000000000000e+00", true)]
    [InlineData("0.00", false)]
    public void Reads_numeric_labels_by_their_value(string label, bool anomaly)
    {
        Assert.Equal(anomaly, LabelValues.IsAnomaly(label));
    }

    [Fact]
    public void Counts_bgl_alert_categories_as_anomalies()
    {
        // BGL: "-" marks a non-alert line; any alert category (KERNDTLB, KERNSTOR, APPSEV…) an anomaly.
        var labels = File.ReadLines(TestData.Shared("logs", "BGL_2k.log_structured.csv"))
            .Skip(1)
            .Select(line => line.Split(',')[1])
            .ToArray();

        Assert.Equal(2000, labels.Length);
        Assert.Equal(143, labels.Count(LabelValues.IsAnomaly));
        Assert.All(labels.Where(LabelValues.IsAnomaly), label => Assert.Matches("^[A-Z]+$", label));
    }

    [Fact]
    public void Finds_the_100_attacks_of_the_csic_sample()
    {
        var labels = File.ReadLines(TestData.Shared("web", "csic2010_sample.csv"))
            .Skip(1)
            .Select(line => line[..line.IndexOf(',', StringComparison.Ordinal)])
            .ToArray();

        Assert.Equal(100, labels.Count(LabelValues.IsAnomaly));
        Assert.Equal(1900, labels.Count(label => label == "0"));
    }
}

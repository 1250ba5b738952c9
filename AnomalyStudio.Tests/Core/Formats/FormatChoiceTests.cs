using AnomalyStudio.Core;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Formats.Csv;
using AnomalyStudio.Core.Formats.LineLog;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Formats;

public sealed class FormatChoiceTests
{
    private static readonly InputFormatCatalog Catalog = InputFormatCatalog.Standard;

    [Theory]
    [InlineData("access", "apache")]
    [InlineData("line", "line-log")]
    [InlineData("json", "json-lines")]
    [InlineData("CSV", "csv")]
    [InlineData("line-log", "line-log")]
    public void Takes_the_short_and_the_full_names(string name, string format) =>
        Assert.Equal(format, Catalog.Choose(name, null)!.Format.Name);

    [Fact]
    public void Nothing_chosen_is_detection() => Assert.Null(Catalog.Choose(" ", ""));

    [Fact]
    public void A_log_format_implies_a_line_log()
    {
        var choice = Catalog.Choose(null, CustomHeaderLog.Format)!;

        Assert.IsType<LineLogFormat>(choice.Format);
        Assert.Equal(CustomHeaderLog.Format, choice.LineLogLayout!.Format);
    }

    [Fact]
    public void A_chosen_format_reads_what_detection_would_not()
    {
        using var custom = TextInput.Utf8(CustomHeaderLog.Text);
        Assert.Throws<InvalidInputException>(() => Catalog.Detect(custom, "payments.log"));

        using var again = TextInput.Utf8(CustomHeaderLog.Text);
        using var sniffed = Catalog.Detect(again, "payments.log", choice: Catalog.Choose(null, CustomHeaderLog.Format));
        Assert.Equal("custom", sniffed.LineLogLayout!.Name);
        Assert.Contains(sniffed.Notes, n => n.Contains("as asked", StringComparison.Ordinal));

        using var spark = File.OpenRead(TestData.Shared("loghub", "Spark_2k.log"));
        using var asCsv = Catalog.Detect(spark, "Spark_2k.log", choice: Catalog.Choose("csv", null));
        Assert.IsType<CsvFormat>(asCsv.Format);
    }

    [Fact]
    public void A_line_log_without_a_known_header_asks_for_a_log_format()
    {
        using var custom = TextInput.Utf8(CustomHeaderLog.Text);

        var error = Assert.Throws<InvalidInputException>(() => Catalog.Detect(custom, "payments.log", choice: Catalog.Choose("line", null)));

        Assert.Contains("--log-format", error.Message, StringComparison.Ordinal);
    }
}

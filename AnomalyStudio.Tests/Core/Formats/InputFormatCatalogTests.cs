using System.Text;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Formats.Csv;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Formats;

public sealed class InputFormatCatalogTests
{
    private static readonly InputFormatCatalog WithLogfmt = new([.. InputFormatCatalog.Standard.Formats, new LogfmtFormat()]);

    /// <summary>The ODDS breast-cancer table from the shared data, and the same rows written as logfmt.</summary>
    private static (string Csv, string Logfmt) Wbc()
    {
        var lines = File.ReadAllLines(TestData.Shared("tabular", "wbc.csv"));
        var header = lines[0].Split(',');
        var logfmt = lines.Skip(1).Select(l => string.Join(' ', l.Split(',').Select((v, i) => $"{header[i]}={v}")));
        return (string.Join('\n', lines) + "\n", string.Join('\n', logfmt) + "\n");
    }

    [Fact]
    public async Task A_format_plugged_in_through_the_catalog_is_detected_named_and_scored_like_the_same_table()
    {
        var (csv, logfmt) = Wbc();
        using var test = new TestPipeline(formats: WithLogfmt);

        var asLogfmt = await Run(test, logfmt, "wbc.log");
        var asCsv = await Run(test, csv, "wbc.csv");

        Assert.Equal(LogfmtFormat.FormatName, asLogfmt.Format.Name);
        Assert.Equal(CsvFormat.FormatName, asCsv.Format.Name);
        Assert.Equal(asCsv.Summary.Total, asLogfmt.Summary.Total);
        Assert.Equal(asCsv.Records.Scores, asLogfmt.Records.Scores); // bit-identical: the same table, the same seed
        Assert.NotNull(asLogfmt.Summary.RocAuc); // its label column travelled through the plug-in's table

        using var report = new MemoryStream();
        await JsonReportWriter.WriteAsync(report, asLogfmt, 1, CancellationToken.None);
        Assert.Contains("\"format\":\"logfmt\"", Encoding.UTF8.GetString(report.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_plug_in_the_same_file_is_refused_naming_what_each_format_expected()
    {
        var (_, logfmt) = Wbc();
        using var test = new TestPipeline();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Run(test, logfmt, "wbc.log"));

        Assert.StartsWith("Unsupported format: line 1 is neither an Apache/Nginx access-log line (", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("logfmt", error.Message, StringComparison.Ordinal);
        var withPlugIn = Assert.Throws<InvalidInputException>(() => WithLogfmt.Detect(new MemoryStream("just words\nmore words\n"u8.ToArray())));
        Assert.EndsWith("nor a logfmt line of key=value pairs.", withPlugIn.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plug_in_without_a_pretrained_model_adds_none_and_an_unknown_name_or_kind_is_an_error()
    {
        Assert.Equal(InputFormatCatalog.Standard.Pretrained.Select(p => p.Kind), WithLogfmt.Pretrained.Select(p => p.Kind));
        Assert.Equal([FeatureKind.AccessLog, FeatureKind.CsvSummary], WithLogfmt.Pretrained.Select(p => p.Kind));
        Assert.Same(WithLogfmt.Formats[^1], WithLogfmt.Get("LOGFMT"));

        var unknown = Assert.Throws<InvalidInputException>(() => InputFormatCatalog.Standard.Get("logfmt"));
        Assert.Equal("Unknown input format 'logfmt'. Known formats: apache, csv, json-lines, line-log; short names: access, line, json.", unknown.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => WithLogfmt.PretrainedOf(FeatureKind.CsvNumeric));
        Assert.Throws<ArgumentException>(() => WithLogfmt.Register(new LogfmtFormat()));
    }

    private static async Task<DetectionResult> Run(TestPipeline test, string text, string fileName)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await test.Pipeline.RunAsync(stream, new DetectionRequest { FileName = fileName, Mode = DetectionMode.Fit });
    }
}

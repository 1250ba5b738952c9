using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Parsing;

public sealed class LabelColumnReaderTests : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);

    public void Dispose() => _test.Dispose();

    private static (bool[]? Labels, string? Note) Read(params string[] values) =>
        LabelColumnReader.Read(new CsvColumn("label", ColumnRole.Label, null, values), values.Length);

    [Theory]
    [InlineData("0", "1")]
    [InlineData("false", "true")]
    [InlineData("no", "yes")]
    [InlineData("Normal", "Anomaly")]
    [InlineData("norm", "anom")]
    [InlineData("benign", "attack")]
    [InlineData("BENIGN", "malicious")]
    [InlineData("0.0", "1.0")]
    [InlineData("1", "-1")] // scikit-learn's inlier and outlier
    public void Reads_every_common_spelling_of_normal_and_anomaly(string normal, string anomaly)
    {
        var (labels, _) = Read(normal, anomaly, normal, normal);

        Assert.Equal([false, true, false, false], labels!);
    }

    [Fact]
    public void A_normal_value_beside_categories_makes_the_categories_anomalies()
    {
        var (labels, note) = Read("-", "KERNDTLB", "-", "APPSEV", "-");

        Assert.Equal([false, true, false, true, false], labels!);
        Assert.Contains("'-' is normal", note, StringComparison.Ordinal);
        Assert.Contains("anomaly categories", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_it_cannot_map_is_named_in_a_note_not_guessed()
    {
        var (labels, note) = Read("setosa", "versicolor", "virginica");

        Assert.Null(labels);
        Assert.Contains("column 'label' holds values that cannot be read as normal or anomaly ('setosa', 'versicolor', 'virginica')", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Bgl_alert_categories_against_dashes_give_its_143_alerts()
    {
        var table = new CsvTableReader().Read(File.OpenRead(TestData.Shared("logs", "BGL_2k.log_structured.csv")), ',');

        var (labels, _) = LabelColumnReader.Read(table.LabelColumn!, table.RowCount);

        Assert.Equal(143, labels!.Count(l => l));
    }

    /// <summary>The real thyroid table with its label spelled <paramref name="normal"/>/<paramref name="anomaly"/> and, optionally, a column that repeats it.</summary>
    private static string Thyroid(string normal, string anomaly, bool attackType = false)
    {
        var lines = File.ReadAllLines(TestData.Shared("tabular", "thyroid.csv"));
        var header = lines[0] + (attackType ? ",attack_type" : "");
        var rows = lines.Skip(1).Select((line, i) =>
        {
            var cells = line.Split(',');
            var anomalous = cells[^1].StartsWith('1');
            cells[^1] = anomalous ? anomaly : normal;
            return string.Join(',', cells) + (attackType ? "," + (anomalous ? (i % 2 == 0 ? "hyperfunction" : "subnormal") : "none") : "");
        });
        return string.Join('\n', rows.Prepend(header)) + "\n";
    }

    [Fact]
    public async Task A_table_labelled_norm_and_anom_is_evaluated_like_one_labelled_0_and_1()
    {
        var words = await _test.RunTextAsync(Thyroid("norm", "anom"), "thyroid-words.csv", DetectionMode.Auto);
        var numbers = await _test.RunTextAsync(Thyroid("0", "1"), "thyroid-numbers.csv", DetectionMode.Auto);

        Assert.Equal(93, words.Labels!.Count(l => l));
        Assert.NotNull(words.Summary.RocAuc);
        Assert.Equal(numbers.Summary.RocAuc, words.Summary.RocAuc);
        Assert.Equal(numbers.Records.Scores, words.Records.Scores);
    }

    [Fact]
    public async Task A_column_that_repeats_the_label_is_left_out_of_the_features_with_a_note()
    {
        var leaking = await _test.RunTextAsync(Thyroid("0", "1", attackType: true), "thyroid-leak.csv", DetectionMode.Auto);
        var plain = await _test.RunTextAsync(Thyroid("0", "1"), "thyroid.csv", DetectionMode.Auto);

        Assert.DoesNotContain(leaking.Features.Names, n => n.Contains("attack_type", StringComparison.Ordinal));
        Assert.Contains(leaking.Notes, n => n.Contains("'attack_type' repeats the label", StringComparison.Ordinal));
        Assert.Equal(plain.Records.Scores, leaking.Records.Scores);
        Assert.DoesNotContain(plain.Notes, n => n.Contains("repeats the label", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_label_column_it_cannot_read_gives_no_evaluation_and_says_so()
    {
        var text = Thyroid("cat", "dog");

        var result = await _test.RunTextAsync(text, "pets.csv", DetectionMode.Auto);

        Assert.Null(result.Labels);
        Assert.Null(result.Summary.RocAuc);
        Assert.Contains(result.Notes, n => n.Contains("cannot be read as normal or anomaly ('cat', 'dog')", StringComparison.Ordinal));
    }
}

using System.Globalization;
using System.Text;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Parsing.JsonLines;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Features;

public sealed class CounterColumnsTests
{
    private static CsvTable ReadJson(string text)
    {
        using var stream = TextInput.Utf8(text);
        return new JsonLinesReader().Read(stream);
    }

    private static CsvTable ReadCsv(string text)
    {
        using var stream = TextInput.Utf8(text);
        return new CsvTableReader().Read(stream, ',');
    }

    private static double[] Growth(CsvTable table, string name) =>
        Assert.Single(CounterColumns.Find(table), c => c.Counter.Name == name).Growth;

    [Fact]
    public void Finds_a_metrics_logs_cumulative_counters_and_not_its_gauges()
    {
        var table = ReadJson(MetricsJsonLog.Text());

        var counters = CounterColumns.Find(table).Select(c => c.Counter.Name);

        Assert.Equal(["requests_total", "errors_total"], counters); // memory_bytes has a counter's name but goes up and down
    }

    [Fact]
    public void Gives_each_record_its_growth_the_first_record_the_typical_growth_and_a_reset_the_new_value()
    {
        var table = ReadJson(MetricsJsonLog.Text());
        var requests = table.Columns.Single(c => c.Name == "requests_total").Numbers!;

        var growth = Growth(table, "requests_total");

        Assert.Equal(MetricsJsonLog.TypicalRequests, growth[0]); // unknown, so typical: 0 would make the first record an outlier
        Assert.Equal(MetricsJsonLog.BurstRequests, growth[MetricsJsonLog.BurstRecord]);
        Assert.Equal(requests[MetricsJsonLog.RestartRecord], growth[MetricsJsonLog.RestartRecord]);
        Assert.All(growth.Where((_, i) => i != MetricsJsonLog.BurstRecord), g => Assert.InRange(g, 45, 55));
        Assert.Equal(MetricsJsonLog.TypicalRequests, ColumnStatistics.Of(growth).Center);
    }

    [Fact]
    public void Finds_a_counter_by_its_values_alone_and_takes_its_steps_in_time_order()
    {
        // A CSV written out of time order, with a counter whose name says nothing.
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(3);
        var rows = Enumerable.Range(0, 60)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"{start.AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ},{1_000 + (i * 7) + (i % 3)},{20 + (i % 5)}"))
            .OrderBy(_ => random.Next());
        var table = ReadCsv("time,served,latency_ms\n" + string.Join('\n', rows));

        var growth = Growth(table, "served");

        Assert.All(growth, g => Assert.InRange(g, 5, 8)); // steps of 8, 8 and 5 in time order; file order would give resets
    }

    [Fact]
    public void Follows_a_counter_within_each_instance_when_two_instances_write_to_one_file()
    {
        // Two exporters scraped into one file: api-1 has served far more than api-2, so the file's column jumps up and down.
        var text = new StringBuilder();
        long one = 90_000, two = 1_000;
        for (var i = 0; i < 200; i++)
        {
            var first = i % 2 == 0;
            var count = first ? one += 40 + (i % 7) : two += i == 151 ? 900 : 10 + (i % 3);
            text.Append(CultureInfo.InvariantCulture, $"{{\"ts\":{1_714_521_600_000L + (7_500L * i)},\"instance\":\"api-{(first ? 1 : 2)}:9100\",\"requests_total\":{count}}}\n");
        }

        var growth = Growth(ReadJson(text.ToString()), "requests_total");

        Assert.Equal(900, growth[151]);
        Assert.All(growth.Where((_, i) => i % 2 == 0), g => Assert.InRange(g, 40, 46));
        Assert.All(growth.Where((_, i) => i % 2 == 1 && i != 151), g => Assert.InRange(g, 10, 12));
    }

    [Fact]
    public void Leaves_a_table_without_a_time_column_alone_as_odds_tables_are()
    {
        var text = new StringBuilder("total_count,v\n");
        for (var i = 0; i < 100; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i * 3},{i % 9}\n");
        }

        Assert.Empty(CounterColumns.Find(ReadCsv(text.ToString())));
    }

    [Fact]
    public void A_column_with_few_values_and_no_counter_name_is_not_a_counter()
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = Enumerable.Range(0, 100).Select(i => string.Create(CultureInfo.InvariantCulture, $"{start.AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ},{(i < 50 ? 2 : 3)},{i % 9}"));

        var table = ReadCsv("time,replicas,v\n" + string.Join('\n', rows));

        Assert.Empty(CounterColumns.Find(table));
    }

    [Fact]
    public void The_own_features_hold_a_counters_growth_under_its_name()
    {
        var table = ReadJson(MetricsJsonLog.Text());

        var features = CsvOwnColumnFeatures.Numeric(table);

        var column = Array.IndexOf(features.Matrix.Names.ToArray(), "requests_total");
        Assert.Equal(MetricsJsonLog.BurstRequests, features.Matrix[MetricsJsonLog.BurstRecord, column]);
        Assert.Equal(["requests_total", "errors_total"], features.Counters.Select(c => c.Name));
    }
}

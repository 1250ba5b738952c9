using AnomalyStudio.Core.Formats;
using System.Text;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Parsing.JsonLines;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Parsing.JsonLines;

public sealed class JsonLinesReaderTests
{
    private static CsvTable Read(string text, ParseLimits? limits = null)
    {
        using var stream = TextInput.Utf8(text);
        return new JsonLinesReader().Read(stream, limits);
    }

    private static CsvColumn Column(CsvTable table, string name) => Assert.Single(table.Columns, c => c.Name == name);

    /// <summary>The column's cells as the user reads them: a missing cell is empty.</summary>
    private static string[] Cells(CsvTable table, string name) => [.. Enumerable.Range(0, table.RowCount).Select(Column(table, name).Display)];

    [Fact]
    public void Flattens_nested_objects_into_dotted_columns_and_keeps_arrays_as_compact_json()
    {
        const string text = """
            {"@timestamp":"2024-05-01T12:00:00Z","http":{"request":{"method":"GET","bytes":512}},"tags":["a", "b"],"ok":true}
            {"@timestamp":"2024-05-01T12:00:01Z","http":{"request":{"method":"POST","bytes":2048}},"tags":[],"ok":false}
            """;

        var table = Read(text);

        Assert.Equal(["@timestamp", "http.request.method", "http.request.bytes", "tags", "ok"], table.Columns.Select(c => c.Name));
        Assert.Equal(["GET", "POST"], Cells(table, "http.request.method"));
        Assert.Equal([512d, 2048d], Column(table, "http.request.bytes").Numbers!);
        Assert.Equal(["[\"a\",\"b\"]", "[]"], Cells(table, "tags"));
        Assert.Equal(["true", "false"], Cells(table, "ok"));
        Assert.Equal(ColumnRole.Timestamp, Column(table, "@timestamp").Role);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 1, TimeSpan.Zero), table.Timestamps![1]);
        Assert.Equal("Read as JSON lines: 5 fields (2 nested flattened).", Assert.Single(table.Notes));
    }

    [Fact]
    public void A_string_with_raw_bytes_reads_them_as_escapes_and_known_escapes_stay_as_json_has_them()
    {
        // Raw bytes inside a JSON string, first in the head and then far past it: the decoder keeps them as \xNN.
        var lines = Enumerable.Range(0, 3_000).Select(i => Encoding.UTF8.GetBytes($"{{\"host\":\"web-{i % 3}\",\"note\":\"ok \\\"q\\\" \\\\x41\"}}\n")).ToList();
        lines[2] = [.. "{\"host\":\"web-2\",\"note\":\"GET /"u8, 0x90, 0x90, 0xeb, .. "\"}\n"u8];
        lines[2_900] = [.. "{\"host\":\"web-2\",\"note\":\"caf"u8, 0xFF, .. "\"}\n"u8];
        using var sniffed = FormatDetector.Detect(new MemoryStream(lines.SelectMany(l => l).ToArray()), "events.jsonl");

        var table = new JsonLinesReader().Read(sniffed.Content);

        Assert.Equal(3_000, table.RowCount);
        Assert.Equal("GET /\\x90\\x90\\xeb", Cells(table, "note")[2]);
        Assert.Equal("caf\\xff", Cells(table, "note")[2_900]);
        Assert.Equal("ok \"q\" \\x41", Cells(table, "note")[0]); // an escaped backslash before x41 was JSON's own, left alone
    }

    [Fact]
    public void Takes_the_union_of_keys_in_first_seen_order_with_missing_cells_where_a_line_lacks_one()
    {
        var table = Read("{\"a\":1}\n{\"b\":\"x\",\"a\":2}\n{\"c\":null,\"b\":\"y\"}\n");

        Assert.Equal(["a", "b", "c"], table.Columns.Select(c => c.Name));
        Assert.Equal(["1", "2", ""], Cells(table, "a"));
        Assert.Equal(["", "x", "y"], Cells(table, "b"));
        Assert.Equal(3, table.RowCount);
    }

    [Fact]
    public void Skips_malformed_lines_and_reports_their_numbers_and_reasons()
    {
        var text = "{\"a\":1}\nnot json\n\n[1,2]\n{\"a\":\n" + "{\"a\":\"" + new string('x', 300) + "\"}\n{\"a\":3}\n";

        var table = Read(text, new ParseLimits { MaxLineBytes = 200 });

        Assert.Equal([1L, 7L], table.LineNumbers);
        Assert.Equal(4, table.Skipped.Count);
        Assert.Equal([2L, 4L, 5L, 6L], table.Skipped.Examples.Select(s => s.LineNumber));
        Assert.StartsWith("not valid JSON", table.Skipped.Examples[0].Reason, StringComparison.Ordinal);
        Assert.Equal("a JSON array, not an object", table.Skipped.Examples[1].Reason);
        Assert.Equal("line is longer than 200 bytes", table.Skipped.Examples[3].Reason);
        Assert.Equal(7, table.TotalLines);
    }

    [Fact]
    public void Refuses_a_file_where_no_line_is_an_object_naming_the_first_line()
    {
        var error = Assert.Throws<InvalidInputException>(() => Read("\n[1]\n\"text\"\n"));

        Assert.Equal("None of the file's 2 lines is a JSON object. Line 2: a JSON array, not an object.", error.Message);
        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void Names_the_keys_first_seen_after_the_typing_sample_that_it_did_not_read()
    {
        var lines = Enumerable.Range(1, CsvTableReader.TypingSampleRows).Select(i => $"{{\"n\":{i}}}")
            .Append("{\"n\":0,\"late\":\"x\"}");

        var table = Read(string.Join('\n', lines));

        Assert.Equal(["n"], table.Columns.Select(c => c.Name));
        Assert.Equal(CsvTableReader.TypingSampleRows + 1, table.RowCount);
        Assert.Contains("1 field was first seen after the first 2,000 records and not read: late.", table.Notes);
    }

    [Fact]
    public void Caps_the_columns_at_the_limit_and_says_how_many_were_left_out()
    {
        var table = Read("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}\n", new ParseLimits { MaxColumns = 2 });

        Assert.Equal(["a", "b"], table.Columns.Select(c => c.Name));
        Assert.Contains("2 more fields were left out: at most 2 columns are read (AnomalyStudio:MaxColumns).", table.Notes);
    }

    [Fact]
    public void Makes_keys_that_differ_only_in_case_unique_columns()
    {
        var table = Read("{\"Level\":\"INFO\",\"level\":\"debug\"}\n");

        Assert.Equal(["Level", "level_2"], table.Columns.Select(c => c.Name));
        Assert.Equal(["debug"], Cells(table, "level_2"));
    }

    [Fact]
    public void Takes_a_honeypots_time_from_its_varying_timestamp_not_from_the_constant_build_time_before_it()
    {
        // The build time comes first on every line, so a choice by position alone would give all records one time.
        var lines = CowrieHoneypotLog.Lines().Select(l => "{\"sensor_build_time\":\"" + CowrieHoneypotLog.BuildTime + "\"," + l[1..]);

        var table = Read(string.Join('\n', lines));

        Assert.Equal("sensor_build_time", table.Columns[0].Name);
        Assert.Equal(ColumnRole.Timestamp, Column(table, "timestamp").Role);
        Assert.NotEqual(ColumnRole.Timestamp, Column(table, "sensor_build_time").Role);
        Assert.Equal(table.RowCount, table.Timestamps!.Distinct().Count());
        Assert.InRange(table.Timestamps![0]!.Value, CowrieHoneypotLog.Start, CowrieHoneypotLog.Start.AddSeconds(10));
        Assert.Contains("The records' time is taken from 'timestamp': 'sensor_build_time' has the same time on every record.", table.Notes);
    }

    [Fact]
    public void Takes_a_metrics_logs_time_from_its_epoch_milliseconds_not_from_the_process_start_time()
    {
        var table = Read(MetricsJsonLog.Text());

        Assert.Equal(ColumnRole.Timestamp, Column(table, "ts").Role);
        Assert.NotEqual(ColumnRole.Timestamp, Column(table, "startTime").Role);
        Assert.Equal(MetricsJsonLog.Start, table.Timestamps![0]);
        Assert.Equal(MetricsJsonLog.Start.AddSeconds(15 * (MetricsJsonLog.Records - 1)), table.Timestamps[^1]);
    }

    [Fact]
    public void Places_no_record_in_time_when_the_only_time_field_is_the_same_on_every_record_and_says_so()
    {
        var lines = Enumerable.Range(0, 50).Select(i => $"{{\"startTime\":\"2024-05-01T00:00:03Z\",\"build_date\":1714521600,\"queue_depth\":{i % 7}}}");

        var table = Read(string.Join('\n', lines));

        Assert.Null(table.TimestampColumn);
        Assert.Null(table.Timestamps);
        Assert.Contains(
            "No field gives the records' time: 'startTime', 'build_date' have the same time on every record, and no other time field varies, so the records are not placed in time.",
            table.Notes);
    }

    [Fact]
    public void A_honeypots_eventid_is_its_records_template_rather_than_templates_mined_from_its_message()
    {
        var table = Read(CowrieHoneypotLog.Text());

        var eventIds = Cells(table, "eventid");
        var templates = table.Templates!;
        Assert.Equal(eventIds.Distinct().Count(), templates.Templates.Count);
        Assert.All(Enumerable.Range(0, table.RowCount), i => Assert.Equal(eventIds[i], templates[i]!.Text));
        Assert.Equal("T1", templates[0]!.Id);
        Assert.Equal("cowrie.session.connect", templates[0]!.Text);
        Assert.Equal(eventIds.Count(e => e == "cowrie.login.failed"), templates.Templates.Single(t => t.Text == "cowrie.login.failed").Count);
        Assert.Contains($"Templates taken from the 'eventid' field: {templates.Templates.Count} event types.", table.Notes);
        Assert.DoesNotContain(table.Notes, n => n.StartsWith("Templates mined", StringComparison.Ordinal));
    }

    [Fact]
    public void A_type_field_with_a_value_for_almost_every_record_is_not_an_event_type_and_the_message_is_mined()
    {
        var lines = Enumerable.Range(0, 100).Select(i => $"{{\"type\":\"order-{i}\",\"message\":\"order {i} shipped to depot {i % 4}\"}}");

        var table = Read(string.Join('\n', lines));

        Assert.Equal("Templates mined from the 'message' field: 1 template.", table.Notes[^1]);
        Assert.Equal("order <*> shipped to depot <*>", table.Templates![0]!.Text);
    }
}

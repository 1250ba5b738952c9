using AnomalyStudio.Core.Formats;
using System.Text;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Parsing;

public sealed class CsvTableReaderTests
{
    private static CsvTable Read(string text, char delimiter = ',')
    {
        using var stream = TextInput.Utf8(text);
        return new CsvTableReader().Read(stream, delimiter);
    }

    private static CsvTable ReadShared(string folder, string file)
    {
        using var stream = File.OpenRead(TestData.Shared(folder, file));
        var sniffed = FormatDetector.Detect(stream, file);
        return new CsvTableReader().Read(sniffed.Content, sniffed.CsvDelimiter);
    }

    private static CsvColumn Column(CsvTable table, string name) => Assert.Single(table.Columns, c => c.Name == name);

    [Fact]
    public void Refuses_a_file_whose_first_line_holds_numbers()
    {
        var error = Assert.Throws<InvalidInputException>(() => Read("1,2,3\n4,5,6\n"));

        Assert.Equal("Line 1 holds numbers, not column names: a CSV file needs a header row.", error.Message);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Refuses_a_header_without_data_rows()
    {
        var error = Assert.Throws<InvalidInputException>(() => Read("a,b\n"));

        Assert.Equal("The CSV file has a header but no data rows.", error.Message);
    }

    [Fact]
    public void Throws_with_the_first_reason_when_no_data_row_can_be_read()
    {
        var error = Assert.Throws<InvalidInputException>(() => Read("a,b\n1\n2\n"));

        Assert.Equal(
            "None of the CSV file's 2 data rows could be read. Line 2: a different number of fields than the header.",
            error.Message);
        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void Types_mostly_numeric_columns_as_numbers_and_the_rest_as_categories()
    {
        // "n": 9 of 10 values are numbers (the 90% rule), "m": only 8 of 10.
        var text = new StringBuilder("n,m\n");
        for (var i = 0; i < 10; i++)
        {
            text.Append(i == 4 ? "oops" : (i * 1.5).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(',')
                .Append(i is 2 or 7 ? "text" : (i * 7 % 10).ToString())
                .Append('\n');
        }

        var table = Read(text.ToString());

        var n = Column(table, "n");
        Assert.Equal(ColumnRole.Numeric, n.Role);
        Assert.True(double.IsNaN(n.Numbers![4]));
        Assert.Equal(4.5, n.Numbers[3]);
        Assert.Equal("4.5", n.Display(3));
        Assert.Equal(string.Empty, n.Display(4));
        var m = Column(table, "m");
        Assert.Equal(ColumnRole.Categorical, m.Role);
        Assert.Null(m.Numbers);
        Assert.Equal(["0", "7", "text", "1"], m.Texts!.Take(4));
    }

    [Theory]
    [InlineData("")]
    [InlineData("NA")]
    [InlineData("na")]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("NaN")]
    [InlineData("n/a")]
    [InlineData("#N/A")]
    [InlineData("None")]
    [InlineData("?")]
    [InlineData("-")]
    [InlineData(" NA ")]
    public void Reads_missing_tokens_as_missing(string token)
    {
        var table = Read($"value,colour\n1.5,red\n{token},{token}\n7.25,blue\n2,red\n");

        var value = Column(table, "value");
        var colour = Column(table, "colour");
        Assert.Equal(ColumnRole.Numeric, value.Role);
        Assert.Equal(ColumnRole.Categorical, colour.Role);
        Assert.True(double.IsNaN(value.Numbers![1]));
        Assert.Null(colour.Texts![1]);
        Assert.Equal(7.25, value.Numbers[2]);
        Assert.Equal("blue", colour.Texts[2]);
    }

    [Theory]
    [InlineData("label")]
    [InlineData("Label")]
    [InlineData("is_anomaly")]
    [InlineData("anomaly")]
    [InlineData("outlier")]
    [InlineData("class")]
    [InlineData("y")]
    [InlineData("target")]
    public void Finds_the_label_column_and_keeps_it_out_of_the_features(string name)
    {
        var table = Read($"x,{name},z\n1.5,0,10\n2.5,1,30\n0.5,0,20\n");

        var label = Column(table, name);
        Assert.Equal(ColumnRole.Label, label.Role);
        Assert.Same(label, table.LabelColumn);
        Assert.Equal(["0", "1", "0"], label.Texts!.AsEnumerable());
        Assert.Equal(["x", "z"], table.NumericFeatureColumns.Select(c => c.Name));
        Assert.Equal([false, true, false], label.Texts!.Select(LabelValues.IsAnomaly));
    }

    [Theory]
    [InlineData("x,y,label")]
    [InlineData("y,x,label")]
    [InlineData("target,x,is_anomaly")]
    public void Prefers_the_most_specific_label_name_to_a_feature_called_y_or_target(string header)
    {
        // x and y are coordinates here; the label column must not become a feature.
        var table = Read($"{header}\n1.5,2.5,0\n3.5,0.5,1\n2.5,4.5,0\n");
        var label = header.Split(',')[2];

        Assert.Equal(label, table.LabelColumn!.Name);
        Assert.DoesNotContain(label, table.NumericFeatureColumns.Select(c => c.Name));
    }

    [Fact]
    public void Finds_an_iso_timestamp_column_by_its_name()
    {
        var table = Read("event_time,bytes\n2024-01-01T00:00:00Z,10\n2024-01-01T00:01:30Z,25\n2024-01-01T02:02:00+02:00,5\n2024-01-01 00:03:00,7\n");

        var column = Column(table, "event_time");
        Assert.Equal(ColumnRole.Timestamp, column.Role);
        Assert.Same(column, table.TimestampColumn);
        Assert.Equal(
            [
                new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2024, 1, 1, 0, 1, 30, TimeSpan.Zero),
                new DateTimeOffset(2024, 1, 1, 0, 2, 0, TimeSpan.Zero),
                new DateTimeOffset(2024, 1, 1, 0, 3, 0, TimeSpan.Zero),
            ],
            table.Timestamps!.Select(t => t!.Value));
        Assert.Equal(["bytes"], table.NumericFeatureColumns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("ts", 1_700_000_000.0)]
    [InlineData("timestamp", 1_700_000_000.0)]
    [InlineData("created_at", 1_700_000_000.0)]
    [InlineData("timestamp_ms", 1_700_000_000_000.0)]
    public void Finds_an_epoch_timestamp_column_by_its_name(string name, double first)
    {
        var step = first > 1e12 ? 60_000 : 60;
        var table = Read(FormattableString.Invariant($"{name},v\n{first},3\n{first + step},8\n{first + (5 * step)},1\n"));

        var column = Column(table, name);
        Assert.Equal(ColumnRole.Timestamp, column.Role);
        Assert.Equal(first, column.Numbers![0]);
        Assert.Equal(
            [
                new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero),
                new DateTimeOffset(2023, 11, 14, 22, 14, 20, TimeSpan.Zero),
                new DateTimeOffset(2023, 11, 14, 22, 18, 20, TimeSpan.Zero),
            ],
            table.Timestamps!.Select(t => t!.Value));
    }

    [Fact]
    public void Takes_the_varying_time_column_rather_than_an_earlier_date_that_is_the_same_on_every_row()
    {
        var rows = Enumerable.Range(0, 30).Select(i => FormattableString.Invariant($"2024-01-15,{new DateTime(2024, 3, 1, 10, 0, 0).AddMinutes(i):yyyy-MM-dd HH:mm:ss},{i % 4}"));

        var table = Read("build_date,time,queue\n" + string.Join('\n', rows));

        Assert.Equal("time", table.TimestampColumn!.Name);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 29, 0, TimeSpan.Zero), table.Timestamps![^1]);
        Assert.Contains("The records' time is taken from 'time': 'build_date' has the same time on every record.", table.Notes);
    }

    [Fact]
    public void Leaves_epoch_like_numbers_without_a_time_name_as_numbers()
    {
        var table = Read("amount,v\n1700000000,3\n1700000060,8\n1700000300,1\n");

        Assert.Equal(ColumnRole.Numeric, Column(table, "amount").Role);
        Assert.Null(table.TimestampColumn);
        Assert.Null(table.Timestamps);
    }

    [Theory]
    [InlineData("duration", "10:30", "11:45", "09:05")]
    [InlineData("score", "3/4", "5/6", "1/2")]
    public void Does_not_take_times_of_day_or_fractions_for_timestamps(string name, string first, string second, string third)
    {
        // Without a time-like name only full dates should count; "10:30" would otherwise be dated today.
        var table = Read($"{name},v\n{first},3\n{second},8\n{third},1\n");

        Assert.Null(table.TimestampColumn);
        Assert.Equal(ColumnRole.Categorical, Column(table, name).Role);
    }

    [Theory]
    [InlineData("ip", "10.0.0.1")]
    [InlineData("client_ip", "10.0.0.1")]
    [InlineData("ClientIP", "10.0.0.1")]
    [InlineData("host", "web-01")]
    [InlineData("hostName", "web-01")]
    [InlineData("user", "alice")]
    [InlineData("id", "A-17")]
    public void Uses_the_identifier_column_to_name_records(string name, string first)
    {
        var table = Read($"{name},v\n{first},3\nother,8\n,1\n");

        var column = Column(table, name);
        Assert.Equal(ColumnRole.Identifier, column.Role);
        Assert.Same(column, table.IdentifierColumn);
        Assert.Equal(first, table.Identifier(0));
        Assert.Equal("other", table.Identifier(1));
        Assert.Equal("row 3", table.Identifier(2));
    }

    [Fact]
    public void Prefers_the_higher_ranked_identifier_hint()
    {
        var table = Read("user,src_ip,v\nalice,10.0.0.1,3\nbob,10.0.0.2,8\n");

        Assert.Equal("src_ip", table.IdentifierColumn!.Name);
        Assert.Equal(ColumnRole.Categorical, Column(table, "user").Role);
        Assert.Equal("10.0.0.2", table.Identifier(1));
    }

    [Fact]
    public void Names_records_by_their_data_row_number_without_an_identifier_column()
    {
        var table = Read("a,b\n1,2\n3\n5,6\n");

        Assert.Null(table.IdentifierColumn);
        Assert.Equal(["row 1", "row 3"], Enumerable.Range(0, table.RowCount).Select(table.Identifier));
    }

    [Fact]
    public void Skips_ragged_rows_and_reports_their_line_numbers()
    {
        var table = Read("a,b\n1,2\n3\n4,5,6\n7,8\n");

        Assert.Equal(2, table.RowCount);
        Assert.Equal([1.0, 7.0], Column(table, "a").Numbers!);
        Assert.Equal([2L, 5L], table.LineNumbers);
        Assert.Equal([1L, 4L], table.RowNumbers);
        Assert.Equal(2, table.Skipped.Count);
        Assert.Equal(
            [new SkippedLine(3, "a different number of fields than the header"), new SkippedLine(4, "a different number of fields than the header")],
            table.Skipped.Examples);
    }

    [Fact]
    public void Reports_a_stray_quote_with_its_line_number()
    {
        var table = Read("a,b\n1,2\n3,4\"x\n5,6\n");

        Assert.Equal([2L, 4L], table.LineNumbers);
        Assert.Equal([1L, 3L], table.RowNumbers);
        Assert.Equal([new SkippedLine(3, "a quote inside an unquoted field")], table.Skipped.Examples);
    }

    [Fact]
    public void Reports_a_quoted_field_that_is_never_closed()
    {
        var table = Read("a,b\n1,2\n\"3,4\n5,6\n");

        Assert.Equal([2L], table.LineNumbers);
        Assert.Equal([new SkippedLine(3, "a quoted field that is never closed: the rest of the file (1 more line) is inside it")], table.Skipped.Examples);
        Assert.Equal(2, table.Skipped.Count); // line 3 and the line it swallowed
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Counts_every_line_an_unclosed_quote_swallows_as_skipped(string newline)
    {
        var rows = Enumerable.Range(1, 50).Select(i => $"{i},{i * 2}").ToList();
        rows.Insert(10, "\"11,oops"); // data row 11, line 12, opens a quote nobody closes
        var table = Read(string.Join(newline, ["a,b", .. rows]) + newline);

        Assert.Equal(10, table.LineNumbers.Length);
        Assert.Equal([new SkippedLine(12, "a quoted field that is never closed: the rest of the file (40 more lines) is inside it")], table.Skipped.Examples);
        Assert.Equal(41, table.Skipped.Count);
    }

    [Fact]
    public void An_unclosed_quote_on_the_last_line_swallows_nothing_else()
    {
        var table = Read("a,b\n1,2\n3,\"4\n");

        Assert.Equal([2L], table.LineNumbers);
        Assert.Equal([new SkippedLine(3, "a quoted field that is never closed")], table.Skipped.Examples);
        Assert.Equal(1, table.Skipped.Count);
    }

    [Fact]
    public void Does_not_take_the_first_data_row_for_the_header_when_the_header_has_a_stray_quote()
    {
        // A header such as: size ("),colour – the inch mark is a stray quote.
        CsvTable? table = null;
        var exception = Record.Exception(() => table = Read("size (\"),colour\nsmall,red\nlarge,blue\nmedium,red\n"));

        // Either the header is read as it stands or the file is refused at line 1; never silently shifted.
        if (exception is null)
        {
            Assert.NotNull(table);
            Assert.Equal(["size (\")", "colour"], table.Columns.Select(c => c.Name));
            Assert.Equal(3, table.RowCount);
        }
        else
        {
            var invalid = Assert.IsType<InvalidInputException>(exception);
            Assert.Equal(1, invalid.LineNumber);
            Assert.Contains("quote", invalid.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Refuses_a_row_longer_than_the_line_limit()
    {
        var error = Assert.Throws<InvalidInputException>(
            () => new CsvTableReader().Read(TextInput.Utf8($"a,b\n1,2\n{new string('x', 2_000)},3\n4,5\n"), ',', new ParseLimits { MaxLineBytes = 1_024 }));

        Assert.Equal(3, error.LineNumber);
        Assert.Equal("The CSV file's line 3 is longer than 1,024 bytes, the longest accepted (AnomalyStudio:MaxLineBytes).", error.Message);
    }

    [Fact]
    public void Reads_quoted_fields_with_embedded_delimiters_quotes_and_newlines()
    {
        var table = Read("colour,note,v\nred,\"Smith, John\",3\nblue,\"two\nlines\",8\nred,\"say \"\"hi\"\"\",1\ngreen,plain,4\n");

        Assert.Equal(0, table.Skipped.Count);
        Assert.Equal(["Smith, John", "two\nlines", "say \"hi\"", "plain"], Column(table, "note").Texts!.AsEnumerable());
        Assert.Equal([2L, 3L, 5L, 6L], table.LineNumbers);
        Assert.Equal([1L, 2L, 3L, 4L], table.RowNumbers);
    }

    [Fact]
    public void Skips_blank_lines_between_rows()
    {
        var table = Read("a,b\r\n1,2\r\n\r\n3,4\n\n\n5,6\n");

        Assert.Equal(0, table.Skipped.Count);
        Assert.Equal([1.0, 3.0, 5.0], Column(table, "a").Numbers!);
        Assert.Equal([2L, 4L, 7L], table.LineNumbers);
        Assert.Equal([1L, 2L, 3L], table.RowNumbers);
    }

    [Fact]
    public void Keeps_row_and_line_numbers_right_across_skipped_rows_in_a_large_file()
    {
        // More rows than the typing sample, so both the sampled and the streamed rows are checked.
        var text = new StringBuilder("a,b\n");
        var lines = new List<long>();
        var rows = new List<long>();
        var skippedLines = new List<long>();
        long line = 1;
        for (var row = 1; row <= 3 * CsvTableReader.TypingSampleRows; row++)
        {
            line++;
            if (row % 700 == 0)
            {
                text.Append("broken\n");
                skippedLines.Add(line);
            }
            else if (row % 1100 == 0)
            {
                text.Append("\"two\nlines\",7\n");
                lines.Add(line);
                rows.Add(row);
                line++;
            }
            else
            {
                text.Append(row).Append(',').Append(row % 7).Append('\n');
                lines.Add(line);
                rows.Add(row);
            }
        }

        var table = Read(text.ToString());

        Assert.Equal(rows.Count, table.RowCount);
        Assert.Equal(lines, table.LineNumbers);
        Assert.Equal(rows, table.RowNumbers);
        Assert.Equal(skippedLines, table.Skipped.Examples.Select(e => e.LineNumber));
        Assert.Equal(line, table.TotalLines);
    }

    [Fact]
    public void Makes_duplicate_and_empty_header_names_unique()
    {
        var table = Read("a,A,,b\n1,2,3,4\n5,6,7,8\n");

        Assert.Equal(["a", "A_2", "column 3", "b"], table.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Keeps_a_numeric_row_counter_out_of_the_features()
    {
        var table = Read("n,v\n1,5\n2,7\n3,1\n4,2\n");

        Assert.Equal(ColumnRole.RowCounter, Column(table, "n").Role);
        Assert.Equal(["v"], table.NumericFeatureColumns.Select(c => c.Name));
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void Reads_with_the_delimiter_it_is_given(char delimiter)
    {
        var table = Read($"a{delimiter}b\n1,5{delimiter}x\n2{delimiter}y\n", delimiter);

        Assert.Equal(["a", "b"], table.Columns.Select(c => c.Name));
        Assert.Equal(delimiter, table.Delimiter);
        Assert.Equal(["1,5", "2"], Column(table, "a").Texts!.AsEnumerable());
    }

    [Fact]
    public void Reads_the_bgl_structured_log_with_its_roles_and_143_anomalies()
    {
        var table = ReadShared("logs", "BGL_2k.log_structured.csv");

        Assert.Equal(2000, table.RowCount);
        Assert.Equal(0, table.Skipped.Count);
        Assert.Equal(ColumnRole.Label, Column(table, "Label").Role);
        Assert.Equal(143, table.LabelColumn!.Texts!.Count(LabelValues.IsAnomaly));
        Assert.Equal("Node", table.IdentifierColumn!.Name);
        Assert.Equal("R02-M1-N0-C:J12-U11", table.Identifier(0));
        Assert.Equal("Timestamp", table.TimestampColumn!.Name);
        Assert.Equal(ColumnRole.RowCounter, Column(table, "LineId").Role);
        // 1117838570 s = 2005-06-03 22:42:50 UTC, the row's local time 15.42.50 in the Time column at UTC-7.
        Assert.Equal(new DateTimeOffset(2005, 6, 3, 22, 42, 50, TimeSpan.Zero), table.Timestamps![0]);
        Assert.All(table.Timestamps, t => Assert.NotNull(t));
        Assert.Equal(Enumerable.Range(2, 2000).Select(i => (long)i), table.LineNumbers);
    }

    [Fact]
    public void Reads_odds_thyroid_as_six_numeric_columns_and_a_label()
    {
        var table = ReadShared("tabular", "thyroid.csv");

        Assert.Equal(3772, table.RowCount);
        Assert.Equal(["f0", "f1", "f2", "f3", "f4", "f5"], table.NumericFeatureColumns.Select(c => c.Name));
        Assert.Equal("label", table.LabelColumn!.Name);
        Assert.Equal(7, table.Columns.Count);
        Assert.Equal(93, table.LabelColumn.Texts!.Count(LabelValues.IsAnomaly));
        Assert.All(table.NumericFeatureColumns, c => Assert.DoesNotContain(c.Numbers!, double.IsNaN));
        // Values are Python reprs, which parse back exactly.
        Assert.Equal(0.774193548387, Column(table, "f0").Numbers![0]);
        Assert.Equal(0.23606557377, Column(table, "f5").Numbers![0]);
        Assert.Null(table.IdentifierColumn);
        Assert.Null(table.TimestampColumn);
    }

    [Fact]
    public void Reads_the_csic_sample_with_empty_cells_as_missing()
    {
        var table = ReadShared("web", "csic2010_sample.csv");

        Assert.Equal(2000, table.RowCount);
        Assert.Equal(100, table.LabelColumn!.Texts!.Count(LabelValues.IsAnomaly));
        var method = Column(table, "method");
        var length = Column(table, "content_length");
        var body = Column(table, "body");
        Assert.Equal(ColumnRole.Categorical, method.Role);
        Assert.Equal(ColumnRole.Numeric, length.Role);
        for (var row = 0; row < table.RowCount; row++)
        {
            var isGet = method.Texts![row] == "GET";
            Assert.Equal(isGet, double.IsNaN(length.Numbers![row]));
            Assert.Equal(isGet, body.Texts![row] is null);
        }
    }
}

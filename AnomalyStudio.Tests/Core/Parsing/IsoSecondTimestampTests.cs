using System.Globalization;
using System.Text;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Parsing;

public sealed class IsoSecondTimestampTests
{
    private static DateTimeOffset? General(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    [Fact]
    public void Reads_every_NAB_timestamp_as_the_general_parse_does()
    {
        var files = Directory.GetFiles(TestData.Shared("nab"), "*.csv", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var read = 0;
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var cell = line[..line.IndexOf(',', StringComparison.Ordinal)];
                Assert.True(IsoSecondTimestamp.TryParse(cell, out var fast), cell);
                var general = General(cell);
                Assert.Equal(general, fast);
                Assert.Equal(general!.Value.Offset, fast.Offset);
                read++;
            }
        }

        Assert.True(read > 10_000, $"{read} timestamps");
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00")]
    [InlineData("2024-01-01T23:59:59Z")]
    [InlineData("2024-02-29 12:30:45")]
    [InlineData("1999-12-31 00:00:01")]
    public void Gives_the_general_parse_s_instant_at_offset_zero(string value)
    {
        Assert.True(IsoSecondTimestamp.TryParse(value, out var fast));
        Assert.Equal(General(value), fast);
        Assert.Equal(TimeSpan.Zero, fast.Offset);
    }

    [Theory]
    [InlineData("2023-02-29 00:00:00")] // no such day: the general parse decides
    [InlineData("2024-01-01 24:00:00")]
    [InlineData("2024-01-01 23:59:60")]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("2024-01-01 00:00:00+02:00")]
    [InlineData("2024-01-01 00:00:00.5")]
    [InlineData(" 2024-01-01 00:00:00")]
    [InlineData("2024/01/01 00:00:00")]
    [InlineData("2024-01-01 00:00")]
    [InlineData("2024-0a-01 00:00:00")]
    public void Leaves_every_other_shape_to_the_general_parse(string value) =>
        Assert.False(IsoSecondTimestamp.TryParse(value, out _));

    [Fact]
    public void A_table_s_numbers_past_the_typing_sample_are_those_of_its_text()
    {
        // The rows after the typing sample are read from the bytes; odd cells there must still read as their text does.
        string[] odd = ["NaN", " 5", "1e999", "-3", "n/a", "+4", "7 ", "0x10", "\"8\"", "", "3.25e2", "١"];
        var text = new StringBuilder("time,value\n");
        var cells = new List<string>();
        for (var i = 0; i < CsvTableReader.TypingSampleRows + (odd.Length * 3); i++)
        {
            var cell = i < CsvTableReader.TypingSampleRows ? (i % 97).ToString(CultureInfo.InvariantCulture) : odd[i % odd.Length];
            cells.Add(cell.Trim('"'));
            text.Append(CultureInfo.InvariantCulture, $"2024-01-01 {i / 3600 % 24:00}:{i / 60 % 60:00}:{i % 60:00},{cell}\n");
        }

        using var stream = TextInput.Utf8(text.ToString());
        var table = new CsvTableReader().Read(stream, ',');
        var numbers = Assert.Single(table.Columns, c => c.Name == "value").Numbers!;
        Assert.Equal(cells.Count, numbers.Length);
        for (var i = 0; i < cells.Count; i++)
        {
            var expected = !CsvTableReader.IsMissing(cells[i]) && CsvTableReader.TryNumber(cells[i], out var d) ? d : double.NaN;
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(numbers[i]));
        }

        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 33, 50, TimeSpan.Zero), table.Timestamps![2030]);
    }
}

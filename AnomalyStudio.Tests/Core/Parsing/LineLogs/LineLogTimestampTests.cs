using System.Globalization;
using AnomalyStudio.Core.Parsing.LineLogs;

namespace AnomalyStudio.Tests.Core.Parsing.LineLogs;

public sealed class LineLogTimestampTests
{
    [Theory]
    [InlineData("2015-10-18 18:01:47,978", "2015-10-18T18:01:47.978", false)]
    [InlineData("2017-05-16 00:00:00.008", "2017-05-16T00:00:00.008", false)]
    [InlineData("2024-05-01T12:00:03Z", "2024-05-01T12:00:03", false)]
    [InlineData("2024-05-01T12:00:03.5+02:00", "2024-05-01T10:00:03.5", false)]
    [InlineData("2024-05-01 12:00:03 -0500", "2024-05-01T17:00:03", false)]
    [InlineData("2024/05/01 12:00:03", "2024-05-01T12:00:03", false)]
    [InlineData("05/01/2024 12:00:03", "2024-05-01T12:00:03", false)]
    [InlineData("17/06/09 20:10:40", "2017-06-09T20:10:40", false)]
    [InlineData("081109 203615", "2008-11-09T20:36:15", false)]
    [InlineData("2005-06-03-15.42.50.675872", "2005-06-03T15:42:50.675872", false)]
    [InlineData("20171223-22:15:29:606", "2017-12-23T22:15:29.606", false)]
    [InlineData("20171223-2:5:9:6", "2017-12-23T02:05:09.006", false)]
    [InlineData("1117838570", "2005-06-03T22:42:50", false)]
    [InlineData("1117838570123", "2005-06-03T22:42:50.123", false)]
    [InlineData("2005.11.09 Nov 9 12:01:01", "2005-11-09T12:01:01", false)]
    [InlineData("Sun Dec 04 04:47:44 2005", "2005-12-04T04:47:44", false)]
    [InlineData("03-17 16:13:38.811", "2000-03-17T16:13:38.811", true)]
    [InlineData("10.30 16:49:06", "2000-10-30T16:49:06", true)]
    [InlineData("Jul  1 09:00:55", "2000-07-01T09:00:55", true)]
    [InlineData("Feb 29 23:59:59", "2000-02-29T23:59:59", true)]
    [InlineData("0102 15:04:05.123456", "2000-01-02T15:04:05.123456", true)]
    public void Reads_the_timestamps_real_logs_write(string text, string expected, bool yearMissing)
    {
        Assert.True(LineLogTimestamp.TryParse(text, out var timestamp, out var missing));

        Assert.Equal(DateTimeOffset.Parse(expected + "Z", CultureInfo.InvariantCulture), timestamp);
        Assert.Equal(TimeSpan.Zero, timestamp.Offset);
        Assert.Equal(yearMissing, missing);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12:00:03")] // a time with no day
    [InlineData("2024-05-01")] // a day with no time
    [InlineData("2024-13-01 12:00:00")]
    [InlineData("2023-02-29 12:00:00")]
    [InlineData("2024-05-01 24:00:00")]
    [InlineData("hello world")]
    [InlineData("12345")]
    public void Declines_what_is_no_date_and_time(string text) =>
        Assert.False(LineLogTimestamp.TryParse(text, out _, out _));
}

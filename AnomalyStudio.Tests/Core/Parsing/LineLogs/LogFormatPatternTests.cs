using AnomalyStudio.Core;
using AnomalyStudio.Core.Parsing.LineLogs;

namespace AnomalyStudio.Tests.Core.Parsing.LineLogs;

public sealed class LogFormatPatternTests
{
    [Theory]
    // loghub's own format strings (logparser's benchmark settings), pasted as they are.
    [InlineData("<Date> <Time> <Pid> <Level> <Component>: <Content>", "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 terminating", "dfs.DataNode$PacketResponder", "INFO")]
    [InlineData(@"<Month> <Date> <Time> <Level> <Component>(\[<PID>\])?: <Content>", "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure;", "sshd(pam_unix)", "combo")]
    [InlineData(@"\[<Time>\] <Program> - <Content>", "[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy", "chrome.exe", null)]
    [InlineData(@"<Time>\|<Component>\|<Pid>\|<Content>", "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579", "Step_LSC", null)]
    [InlineData("<Date> <Time>, <Level>                  <Component>    <Content>", "2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack", "CBS", "Info")]
    public void Reads_a_line_with_a_loghub_format_string(string format, string line, string component, string? level)
    {
        var pattern = LogFormatPattern.Parse(format);

        Assert.True(pattern.TryParse(line, out var header));
        Assert.Equal(component, header.Component);
        Assert.Equal(level, header.Level);
        Assert.NotNull(header.Timestamp);
        Assert.False(string.IsNullOrEmpty(header.Message));
    }

    [Fact]
    public void A_users_format_keeps_a_line_whose_fields_do_not_parse_without_a_timestamp()
    {
        var pattern = LogFormatPattern.Parse("<Time> <Level> <Content>");

        Assert.True(pattern.TryParse("yesterday loud something happened", out var header));
        Assert.Null(header.Timestamp);
        Assert.Equal("loud", header.Level);
        Assert.Equal("something happened", header.Message);
        Assert.False(pattern.TryParse("two-words", out _));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("<Date> <Time> <Level>", "has no <Content> field")]
    [InlineData("<Date> <Content> <Message>", "both <Content> and <Message>")]
    [InlineData("<Date> <Date> <Content>", "names the field <Date> twice")]
    [InlineData("<Date> < Time> <Content>", "'<' at position 8 that opens no field")]
    [InlineData("<Date> <Time <Content>", "'<' at position 8 that opens no field")]
    [InlineData("<Date> <Content> \\", "ends in a lone '\\'")]
    public void Refuses_a_malformed_format_naming_the_problem(string format, string problem)
    {
        var error = Assert.Throws<InvalidInputException>(() => LogFormatPattern.Parse(format));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_makes_lazy_fields_backtrack_is_answered_by_the_linear_engine()
    {
        var pattern = LogFormatPattern.Parse("<A>:<B>:<C>:<D>:<E>:<F>:<Content>!");
        var hostile = new string(':', 20_000);

        Assert.False(pattern.TryParse(hostile, out _)); // within the test's time: 200 ms of backtracking, then linear
        Assert.True(pattern.TryParse(hostile + "!", out var header));
        Assert.Equal(20_000 - 6, header.Message.Length); // each lazy field takes nothing, as loghub's would
    }
}

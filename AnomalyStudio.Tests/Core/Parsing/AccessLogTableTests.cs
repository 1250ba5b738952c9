using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Parsing;

public sealed class AccessLogTableTests
{
    private static AccessLogTable ParseElastic()
    {
        using var stream = File.OpenRead(ElasticLog.Path);
        return new AccessLogParser().Parse(stream).Records;
    }

    [Fact]
    public void Text_columns_get_the_same_codes_however_the_parallel_parse_shared_out_the_blocks()
    {
        // The real log is several blocks, parsed on all cores into one pool per thread; the table recodes them.
        var first = ParseElastic();
        var second = ParseElastic();

        Assert.Equal(first.TextValues, second.TextValues);
        Assert.Equal(first.Uris.Codes.ToArray(), second.Uris.Codes.ToArray());
        Assert.Equal(first.UserAgents.Codes.ToArray(), second.UserAgents.Codes.ToArray());
        Assert.Equal(first.TextValues.Count, first.TextValues.Distinct().Count());
    }

    [Fact]
    public void Equal_values_have_one_code_and_rows_read_back_their_text()
    {
        var table = ElasticLog.Records;
        var rebuilt = AccessLogTable.From(table.ToList());

        foreach (var column in new[] { table.Ips, table.Uris, table.Methods })
        {
            var codesOfValue = Enumerable.Range(0, column.Count).GroupBy(i => column[i]).ToList();
            Assert.All(codesOfValue, group => Assert.Single(group.Select(column.CodeAt).Distinct()));
        }

        Assert.Equal(table.Uris, rebuilt.Uris);
        Assert.Equal(table.UserAgents, rebuilt.UserAgents);
        Assert.Equal("83.149.9.216", table.Ips[0]);
    }

    [Fact]
    public void A_common_log_format_line_has_no_user_agent_code()
    {
        using var stream = TextInput.Utf8("1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 5\n");
        var table = new AccessLogParser().Parse(stream).Records;

        Assert.Null(table.UserAgents[0]);
        Assert.Equal(StringPool.NullCode, table.UserAgents.CodeAt(0));
        Assert.Equal("-", table.Idents[0]);
    }
}

using AnomalyStudio.Core.Features.Text;

namespace AnomalyStudio.Tests.Core.Features.Text;

public sealed class TextContentTests
{
    [Theory]
    [InlineData("/search?q=union+select", 2)] // "union", "select"
    [InlineData("/tienda1/publico/pagar.jsp?modo=insertar&precio=39", 0)] // Spanish "insertar" is not SQL's insert
    [InlineData("/item?id=1%27%20OR%201%3D1--", 3)] // ' … or … --
    [InlineData("/?q=%3Cscript%3Ealert(1)%3C/script%3E", 4)] // < > script alert(
    [InlineData("/index.php?page=../../etc/passwd", 3)] // ../ /etc/ passwd
    [InlineData("/about/team", 0)]
    public void Counts_distinct_payload_tokens_on_the_decoded_lower_cased_text(string uri, int expected)
    {
        Assert.Equal(expected, PayloadTokens.Count(TextContent.Decode(uri)));
    }

    [Fact]
    public void Decodes_twice_reads_latin1_bytes_that_are_not_utf8_and_unescapes_nginx_hex()
    {
        Assert.Equal("../etc", TextContent.Decode("%252e%252e%252fetc"));
        Assert.Equal("jamón ibérico", TextContent.Decode("Jam%F3n+Ib%E9rico"));
        Assert.Equal("jamón", TextContent.Decode("Jam%C3%B3n"));
        Assert.Equal("a\"b", TextContent.Decode("a\\x22b"));
        Assert.Equal("100%", TextContent.Decode("100%")); // a lone % stays
    }

    [Fact]
    public void Shapes_abstract_numbers_and_values_but_keep_names_and_character_classes()
    {
        var a = TextShape.Of(TextContent.Decode("/item/123?id=5&q=red+shoes"), url: true);
        var b = TextShape.Of(TextContent.Decode("/item/98765?id=77&q=blue+hat"), url: true);
        var attack = TextShape.Of(TextContent.Decode("/item/123?id=5'--&q=red"), url: true);

        Assert.Equal("/item/9?id=9&q=a ", a);
        Assert.Equal(a, b);
        Assert.NotEqual(a, attack);
        Assert.Equal("* can't find child * in scoreboard", TextShape.Of("jk2_init() can't find child 2337 in scoreboard", url: false).Replace("jk2_init()", "*", StringComparison.Ordinal));
    }

    [Fact]
    public void Finds_alarm_words_as_whole_words()
    {
        Assert.Equal("failed", AlarmWords.First("authentication failed for user root"));
        Assert.Equal(2, AlarmWords.Count("error: connection refused"));
        Assert.Null(AlarmWords.First("errorless terrors"));
    }
}

using System.Text;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Feedback;

namespace AnomalyStudio.Tests.Core.Feedback;

/// <summary>The rules file: what it reads, what it writes back, and the message that names a broken rule.</summary>
public sealed class ExpectedRulesTests
{
    [Fact]
    public void A_rules_file_reads_every_kind_of_rule_and_writes_back_the_same_rules()
    {
        var rules = ExpectedRules.Parse("""
            { "rules": [
                { "field": "client", "equals": "10.0.0.5", "note": "uptime probe" },
                { "field": "uri", "like": "/health/*" },
                // comments and a trailing comma are forgiven: people write these by hand
                { "template": "Connection closed by <*> port <*> [preauth]" },
                { "entity": "blk_-1608999687919862906" },
            ] }
            """);

        Assert.Equal(
            [
                ExpectedRule.FieldEquals("client", "10.0.0.5", "uptime probe"), ExpectedRule.FieldLike("uri", "/health/*"),
                ExpectedRule.OfTemplate("Connection closed by <*> port <*> [preauth]"), ExpectedRule.OfEntity("blk_-1608999687919862906"),
            ],
            rules.Rules);
        Assert.Equal(["client = 10.0.0.5", "uri like /health/*", "pattern \"Connection closed by <*> port <*> [preauth]\"", "entity blk_-1608999687919862906"],
            rules.Rules.Select(r => r.Describe()));

        using var written = new MemoryStream();
        rules.Write(written);
        written.Position = 0;
        Assert.Equal(rules.Rules, ExpectedRules.Read(written).Rules);
    }

    [Theory]
    [InlineData("""{"rules":[{"field":"client"}]}""", "Rule 1 of the rules file: the field \"client\" needs \"equals\"")]
    [InlineData("""{"rules":[{"entity":"a"},{"feild":"client","equals":"x"}]}""", "Rule 2 of the rules file: unknown key \"feild\"")]
    [InlineData("""{"rules":[{"field":"uri","equals":"/a","like":"/a*"}]}""", "give \"equals\" or \"like\", not both")]
    [InlineData("""{"rules":[{"template":"x","entity":"y"}]}""", "give only one of")]
    [InlineData("""{"rules":[{"entity":""}]}""", "\"entity\" must be a non-empty string")]
    [InlineData("""{"rules":[{"entity":3}]}""", "\"entity\" must be a non-empty string")]
    [InlineData("""{"rules":[{"note":"why"}]}""", "names nothing to match")]
    [InlineData("""{"rules":["client=1.2.3.4"]}""", "Rule 1 of the rules file: must be an object")]
    [InlineData("""[{"entity":"a"}]""", "must be an object with a \"rules\" array")]
    [InlineData("""{"rules": [{"entity": "a"}""", "is not valid JSON (line 1)")]
    public void A_broken_rules_file_is_refused_with_the_rule_and_what_is_wrong(string json, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => ExpectedRules.Parse(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rules_file_larger_than_the_limit_is_refused_before_it_is_parsed()
    {
        var huge = "{\"rules\":[" + string.Join(',', Enumerable.Repeat("{\"entity\":\"" + new string('x', 1000) + "\"}", 5000)) + "]}";

        var error = Assert.Throws<InvalidInputException>(() => ExpectedRules.Read(new MemoryStream(Encoding.UTF8.GetBytes(huge))));

        Assert.Contains("larger than 4 MB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/wp-admin/*", "/wp-admin/setup.php", true)]
    [InlineData("/wp-admin/*", "/blog/wp-admin/setup.php", false)]
    [InlineData("*.php", "/index.php", true)]
    [InlineData("/a.b/*", "/aXb/c", false)]
    public void A_like_rule_treats_star_as_any_text_and_everything_else_literally(string pattern, string value, bool matches) =>
        Assert.Equal(matches, ExpectedRule.FieldLike("uri", pattern).ValueMatcher()(value));
}

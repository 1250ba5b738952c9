using AnomalyStudio.App.Components.Controls;
using AnomalyStudio.App.State;
using AnomalyStudio.Core.Feedback;
using AnomalyStudio.Tests.App.State;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Severity = AnomalyStudio.Core.Scoring.Severity;

namespace AnomalyStudio.Tests.App.Components;

/// <summary>bUnit tests of "mark as expected": the drawer's buttons and the rules panel, on real results.</summary>
public sealed class FeedbackComponentTests(SampleResults samples) : IClassFixture<SampleResults>
{
    [Fact]
    public async Task The_drawer_marks_a_field_value_a_path_pattern_or_a_lines_template_as_expected()
    {
        await using var context = ComponentContext.Create();
        var marked = new List<ExpectedRule>();
        var index = Enumerable.Range(0, samples.Log.Records.Count).First(i => samples.Log.Records.Severities[i] != Severity.Normal);
        var fields = samples.Log.Source.Fields(index);

        var drawer = context.Render<RecordDrawer>(p => p
            .Add(c => c.Result, samples.Log).Add(c => c.Index, index).Add(c => c.OnMarkExpected, (ExpectedRule rule) => marked.Add(rule)));

        var client = fields.Single(f => f.Name == "client").Value;
        drawer.Find("[data-testid=expect-field][aria-label='Mark this client as expected']").Click();
        Assert.Equal(ExpectedRule.FieldEquals("client", client), Assert.Single(marked));
        var uri = fields.Single(f => f.Name == "uri").Value;
        var folder = uri[..(uri.LastIndexOf('/', uri.IndexOf('?') is var q and >= 0 ? q - 1 : uri.Length - 1) + 1)] + "*";
        if (folder.Length < uri.Length)
        {
            drawer.Find("[data-testid=expect-field-like][aria-label='Mark every uri in this folder as expected']").Click();
            Assert.Equal(ExpectedRule.FieldLike("uri", folder), marked[^1]);
        }

        Assert.Empty(drawer.FindAll("[data-testid=expect-template]")); // an access log has no mined templates

        var line = context.Render<RecordDrawer>(p => p
            .Add(c => c.Result, samples.LineLog).Add(c => c.Index, 2).Add(c => c.OnMarkExpected, (ExpectedRule rule) => marked.Add(rule)));
        line.Find("[data-testid=expect-template]").Click();
        Assert.Equal(ExpectedRule.OfTemplate(samples.LineLog.Templates![2]!.Text), marked[^1]);
    }

    [Fact]
    public async Task The_rules_panel_lists_each_rule_with_its_records_and_undoes_one()
    {
        await using var context = ComponentContext.Create();
        var rules = new ExpectedRules([ExpectedRule.FieldEquals("status", "404"), ExpectedRule.OfTemplate("x <*>")]);
        var ruled = samples.Log.WithRules(rules);
        var removed = new List<ExpectedRule>();

        var panel = context.Render<RulesPanel>(p => p
            .Add(c => c.Rules, ruled.Rules).Add(c => c.Matches, ruled.RuleMatches).Add(c => c.OnRemove, (ExpectedRule r) => removed.Add(r)));

        var items = panel.FindAll("[data-testid=rule]");
        Assert.Equal(2, items.Count);
        Assert.Equal($"status = 404 – {ruled.RuleMatches[0]:N0} records", Words(items[0].TextContent));
        Assert.True(ruled.RuleMatches[0] > 0);
        Assert.Equal("pattern \"x <*>\" – 0 records", Words(items[1].TextContent));
        panel.FindAll("[data-testid=rule-undo]")[1].Click();
        Assert.Equal(rules.Rules[1], Assert.Single(removed));

        var empty = context.Render<RulesPanel>(p => p.Add(c => c.Rules, ExpectedRules.None));
        Assert.NotNull(empty.Find("[data-testid=rules-empty]"));
        Assert.True(empty.Find("[data-testid=rules-export]").HasAttribute("disabled"));
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

using AnomalyStudio.Core.Feedback;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>Which records of a detection each <see cref="ExpectedRule"/> matches: by a field of the record, its mined template, or its entity.</summary>
internal static class RuleMatcher
{
    /// <returns>Per record the index of the first rule that matches it (−1: none), and how many records each rule matched.</returns>
    public static (int[] RuleOf, int[] Matches) Match(DetectionResult result, ExpectedRules rules, CancellationToken cancellationToken)
    {
        var count = result.Records.Count;
        var ruleOf = new int[count];
        var matches = new int[rules.Count];
        var tests = rules.Rules.Select(rule => Test(result, rule)).ToArray();
        var needsFields = rules.Rules.Any(r => r.Target == RuleTarget.Field);
        for (var i = 0; i < count; i++)
        {
            if ((i & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var fields = needsFields ? result.Source.Fields(i) : null;
            ruleOf[i] = -1;
            for (var r = 0; r < tests.Length; r++)
            {
                if (tests[r](i, fields))
                {
                    ruleOf[i] = r;
                    matches[r]++;
                    break;
                }
            }
        }

        return (ruleOf, matches);
    }

    private static Func<int, IReadOnlyList<Formats.RecordField>?, bool> Test(DetectionResult result, ExpectedRule rule)
    {
        switch (rule.Target)
        {
            case RuleTarget.Field:
                var matches = rule.ValueMatcher();
                return (_, fields) => fields!.Any(f => string.Equals(f.Name, rule.Field, StringComparison.OrdinalIgnoreCase) && matches(f.Value));
            case RuleTarget.Template:
                return result.Templates is { } templates ? (i, _) => templates[i]?.Text == rule.Value : (_, _) => false;
            default:
                var entities = result.Entities;
                var entity = entities is null ? -1 : entities.Index.Keys.ToList().IndexOf(rule.Value);
                return entity < 0 ? (_, _) => false : (i, _) => entities!.EntityOf(i) == entity;
        }
    }
}

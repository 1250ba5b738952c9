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
        for (var i = 0; i < count; i++)
        {
            if ((i & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ruleOf[i] = -1;
            for (var r = 0; r < tests.Length; r++)
            {
                if (tests[r](i))
                {
                    ruleOf[i] = r;
                    matches[r]++;
                    break;
                }
            }
        }

        return (ruleOf, matches);
    }

    private static Func<int, bool> Test(DetectionResult result, ExpectedRule rule)
    {
        switch (rule.Target)
        {
            case RuleTarget.Field:
                // One field of each record, read from its column; a value repeats, so each distinct one is judged once.
                var matches = rule.ValueMatcher();
                var read = result.Source.FieldReader(rule.Field!);
                var judged = new Dictionary<string, bool>(StringComparer.Ordinal);
                return i => read(i) is { } value && (judged.TryGetValue(value, out var known) ? known : judged[value] = matches(value));
            case RuleTarget.Template:
                return result.Templates is { } templates ? i => templates[i]?.Text == rule.Value : _ => false;
            default:
                var entities = result.Entities;
                var entity = entities is null ? -1 : entities.Index.Keys.ToList().IndexOf(rule.Value);
                return entity < 0 ? _ => false : i => entities!.EntityOf(i) == entity;
        }
    }
}

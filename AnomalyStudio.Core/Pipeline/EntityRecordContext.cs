using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>
/// Lets an anomalous record cite its entity when the entity itself is unusual ("…; client 203.0.113.66 is unusual:
/// 400 distinct URLs in 3 minutes, 96 % 404"). Only the explanation text changes: the record's score and severity are
/// the record model's alone.
/// </summary>
public static class EntityRecordContext
{
    public static void Annotate(ScoredRecords records, EntityAnalysis entities)
    {
        var cited = new string?[entities.Count];
        for (var e = 0; e < entities.Count; e++)
        {
            if (entities.Severities[e] != Severity.Normal)
            {
                var explanation = entities.Explanations[e];
                var key = entities.Profiles[e].Key;
                var reasons = explanation.StartsWith(key + ": ", StringComparison.Ordinal) ? explanation[(key.Length + 2)..] : explanation;
                cited[e] = $"{entities.Column} {key} is unusual: {reasons}";
            }
        }

        var explanations = records.Explanations;
        for (var i = 0; i < records.Count; i++)
        {
            if (records.Severities[i] != Severity.Normal && cited[entities.EntityOf(i)] is { } context)
            {
                explanations[i] = explanations[i] + "; " + context;
            }
        }
    }
}

using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Core.Pipeline.Comparison;

/// <summary>
/// Compares an incident file with a baseline file, as Kibana's log rate analysis compares a spike with its baseline but
/// across two files: every pattern (matched by its template text) and every field value is tested as
/// <see cref="ChangeFinder"/> says. Entities the incident has and the baseline lacks are listed with the incident's own
/// entity scores. Both results need patterns, spikes (for the field values) and entities asked for.
/// </summary>
public static class FileComparer
{
    public const string PatternField = "pattern";

    public static ComparisonResult Compare(DetectionResult baseline, DetectionResult incident, ComparisonOptions? options = null)
    {
        options = (options ?? new ComparisonOptions()).Validate();
        var notes = new List<string>();
        if (!string.Equals(baseline.Format.Name, incident.Format.Name, StringComparison.Ordinal))
        {
            notes.Add($"The files are of different formats ({baseline.Format.DisplayName}, {incident.Format.DisplayName}): only the fields both have are compared.");
        }

        var (entities, newCount) = NewEntities(baseline, incident, options);
        return ChangeFinder.Find(
            new ComparisonCounts(
                baseline.FileName, incident.FileName, baseline.Records.Count, incident.Records.Count,
                [(PatternField, PatternCounts(baseline), PatternCounts(incident))], FacetCounts(baseline, incident), entities, newCount, notes),
            options);
    }

    private static Dictionary<string, int> PatternCounts(DetectionResult result)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (result.PatternSummary() is { } summary)
        {
            foreach (var p in summary.Patterns)
            {
                counts[p.Template] = counts.GetValueOrDefault(p.Template) + p.Count;
            }
        }

        return counts;
    }

    /// <summary>Per field both files have (by name), each value's count in each.</summary>
    private static List<(string Field, Dictionary<string, int> Baseline, Dictionary<string, int> Incident)> FacetCounts(DetectionResult baseline, DetectionResult incident)
    {
        var fields = new List<(string, Dictionary<string, int>, Dictionary<string, int>)>();
        if (baseline.Spikes?.Facets is not { } b || incident.Spikes?.Facets is not { } i)
        {
            return fields;
        }

        foreach (var facet in i.Facets)
        {
            if (b.Facets.FirstOrDefault(f => f.Name == facet.Name) is { } other)
            {
                fields.Add((facet.Name, Count(other), Count(facet)));
            }
        }

        return fields;
    }

    private static Dictionary<string, int> Count(Facet facet)
    {
        var byCode = new int[facet.Values.Count];
        foreach (var code in facet.Codes)
        {
            byCode[code]++;
        }

        return CodeCounts.ByText(byCode, facet.Values);
    }

    private static (List<NewEntity> Entities, int Count) NewEntities(DetectionResult baseline, DetectionResult incident, ComparisonOptions options)
    {
        if (incident.Entities is not { } entities)
        {
            return ([], 0);
        }

        var known = baseline.Entities?.Profiles.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var fresh = Enumerable.Range(0, entities.Count).Where(e => !known.Contains(entities.Profiles[e].Key)).ToList();
        var listed = fresh
            .OrderByDescending(e => entities.Scores[e]).ThenByDescending(e => entities.Profiles[e].Records).ThenBy(e => entities.Profiles[e].Key, StringComparer.Ordinal)
            .Take(options.MaxItems)
            .Select(e => new NewEntity(entities.Profiles[e].Key, entities.Profiles[e].Records, entities.Scores[e], entities.Severities[e], entities.Explanations[e]))
            .ToList();
        return (listed, fresh.Count);
    }
}

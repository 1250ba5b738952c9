using System.Globalization;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Core.Pipeline.Comparison;

/// <summary>
/// Compares an incident file with a baseline file, as Kibana's log rate analysis compares a spike with its baseline but
/// across two files: every pattern (matched by its template text) and every field value seen at least
/// <see cref="ComparisonOptions.MinCount"/> times in either file is tested with the G-test on its count in each file;
/// those significant at the Bonferroni-corrected level, common enough and changed at least
/// <see cref="ComparisonOptions.MinLift"/>-fold are new, gone, more or less common. Entities the incident has and the
/// baseline lacks are listed with the incident's own entity scores. Both results need patterns, spikes (for the field
/// values) and entities asked for.
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

        var (nb, ni) = (baseline.Records.Count, incident.Records.Count);
        var patterns = Candidates([(PatternField, PatternCounts(baseline), PatternCounts(incident))], options);
        var values = Candidates(FacetCounts(baseline, incident), options);
        var level = options.Alpha / Math.Max(1, patterns.Count + values.Count);
        var patternChanges = Changes(patterns, nb, ni, level, options);
        var valueChanges = Changes(values, nb, ni, level, options);
        var (entities, newCount) = NewEntities(baseline, incident, options);
        return new ComparisonResult
        {
            BaselineFile = baseline.FileName, IncidentFile = incident.FileName, BaselineRecords = nb, IncidentRecords = ni,
            Patterns = patternChanges, Values = valueChanges, NewEntities = entities, NewEntityCount = newCount,
            Text = Sentence(baseline, incident, patternChanges, valueChanges, newCount), Notes = notes,
        };
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

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var code = 0; code < byCode.Length; code++)
        {
            if (byCode[code] > 0)
            {
                counts[facet.Values[code]] = counts.GetValueOrDefault(facet.Values[code]) + byCode[code];
            }
        }

        return counts;
    }

    private static List<(string Field, string Value, int Baseline, int Incident)> Candidates(
        IEnumerable<(string Field, Dictionary<string, int> Baseline, Dictionary<string, int> Incident)> fields, ComparisonOptions options)
    {
        var candidates = new List<(string, string, int, int)>();
        foreach (var (field, b, i) in fields)
        {
            foreach (var value in b.Keys.Union(i.Keys).Order(StringComparer.Ordinal))
            {
                var (cb, ci) = (b.GetValueOrDefault(value), i.GetValueOrDefault(value));
                if (Math.Max(cb, ci) >= options.MinCount)
                {
                    candidates.Add((field, value, cb, ci));
                }
            }
        }

        return candidates;
    }

    private static List<ValueChange> Changes(List<(string Field, string Value, int Baseline, int Incident)> candidates, int nb, int ni, double level, ComparisonOptions options)
    {
        var changes = new List<ValueChange>();
        foreach (var (field, value, cb, ci) in candidates)
        {
            var (sb, si) = ((double)cb / Math.Max(1, nb), (double)ci / Math.Max(1, ni));
            var up = si >= sb;
            var lift = up ? si / ((cb + 0.5) / (nb + 1.0)) : ((ci + 0.5) / (ni + 1.0)) / sb;
            if ((up ? si : sb) < options.MinShare || (up ? lift < options.MinLift : lift > 1 / options.MinLift))
            {
                continue;
            }

            var p = GTest.PValue(ci, ni, cb, nb);
            if (p > level)
            {
                continue;
            }

            var kind = up ? cb == 0 ? ChangeKind.New : ChangeKind.MoreCommon : ci == 0 ? ChangeKind.Gone : ChangeKind.LessCommon;
            changes.Add(new ValueChange(kind, field, value, ci, ni, cb, nb, lift, p, Describe(kind, field, value, ci, ni, cb, nb, lift, p)));
        }

        changes.Sort((x, y) =>
            x.PValue != y.PValue ? x.PValue.CompareTo(y.PValue)
            : Math.Abs(Math.Log(x.Lift)) != Math.Abs(Math.Log(y.Lift)) ? Math.Abs(Math.Log(y.Lift)).CompareTo(Math.Abs(Math.Log(x.Lift)))
            : Math.Max(x.IncidentCount, x.BaselineCount) != Math.Max(y.IncidentCount, y.BaselineCount) ? Math.Max(y.IncidentCount, y.BaselineCount).CompareTo(Math.Max(x.IncidentCount, x.BaselineCount))
            : string.CompareOrdinal(x.Field + "\0" + x.Value, y.Field + "\0" + y.Value));
        return [.. changes.Take(options.MaxItems)];
    }

    private static string Describe(ChangeKind kind, string field, string value, int ci, int ni, int cb, int nb, double lift, double p)
    {
        var what = kind switch
        {
            ChangeKind.New => "new",
            ChangeKind.Gone => "gone",
            ChangeKind.MoreCommon => "more common",
            _ => "less common",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{field} {Explanations.AccessLogExplainer.Clip(value, 80)} ({what}): {ci:N0} of {ni:N0} records ({WindowContrast.Share((double)ci / Math.Max(1, ni))}) in the incident against {cb:N0} of {nb:N0} ({WindowContrast.Share((double)cb / Math.Max(1, nb))}) in the baseline, {WindowContrast.Lift(lift)} as common ({WindowContrast.P(p)})");
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

    private static string Sentence(DetectionResult baseline, DetectionResult incident, List<ValueChange> patterns, List<ValueChange> values, int newEntities)
    {
        string Counted(List<ValueChange> changes, string noun) =>
            $"{changes.Count(c => c.Kind == ChangeKind.New)} new, {changes.Count(c => c.Kind == ChangeKind.Gone)} gone and {changes.Count(c => c.Kind is ChangeKind.MoreCommon or ChangeKind.LessCommon)} changed {noun}";

        var strongest = patterns.Concat(values).OrderBy(c => c.PValue).ThenByDescending(c => Math.Abs(Math.Log(c.Lift))).Take(5)
            .Select(c => $"{c.Field} {Explanations.AccessLogExplainer.Clip(c.Value, 48)} ({(c.Kind == ChangeKind.New ? "new" : c.Kind == ChangeKind.Gone ? "gone" : WindowContrast.Lift(c.Lift))})");
        var named = patterns.Count + values.Count == 0 ? "No pattern or field value changed significantly." : "Strongest: " + string.Join(", ", strongest) + ".";
        return $"{incident.FileName} against {baseline.FileName}: {Counted(patterns, "patterns")}; {Counted(values, "field values")}; {newEntities:N0} entities only in the incident. {named}";
    }
}

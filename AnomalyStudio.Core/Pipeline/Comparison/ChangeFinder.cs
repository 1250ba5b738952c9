using System.Globalization;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Core.Pipeline.Comparison;

/// <summary>
/// The tests behind every comparison: each pattern and field value seen at least <see cref="ComparisonOptions.MinCount"/>
/// times on either side gets the spike explanation's G-test on its count on each side, Bonferroni-corrected over all of
/// them; those significant, common enough and changed at least <see cref="ComparisonOptions.MinLift"/>-fold are new, gone,
/// more or less common.
/// </summary>
internal static class ChangeFinder
{
    public static ComparisonResult Find(ComparisonCounts counts, ComparisonOptions options)
    {
        var (nb, ni) = (counts.BaselineRecords, counts.IncidentRecords);
        var patterns = Candidates(counts.Patterns, options);
        var values = Candidates(counts.Values, options);
        var level = options.Alpha / Math.Max(1, patterns.Count + values.Count);
        var patternChanges = Changes(patterns, nb, ni, level, options);
        var valueChanges = Changes(values, nb, ni, level, options);
        return new ComparisonResult
        {
            BaselineFile = counts.BaselineName, IncidentFile = counts.IncidentName, BaselineRecords = nb, IncidentRecords = ni,
            Patterns = patternChanges, Values = valueChanges, NewEntities = counts.NewEntities, NewEntityCount = counts.NewEntityCount,
            Text = Sentence(counts.BaselineName, counts.IncidentName, patternChanges, valueChanges, counts.NewEntityCount), Notes = counts.Notes,
        };
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

    private static string Sentence(string baseline, string incident, List<ValueChange> patterns, List<ValueChange> values, int newEntities)
    {
        string Counted(List<ValueChange> changes, string noun) =>
            $"{changes.Count(c => c.Kind == ChangeKind.New)} new, {changes.Count(c => c.Kind == ChangeKind.Gone)} gone and {changes.Count(c => c.Kind is ChangeKind.MoreCommon or ChangeKind.LessCommon)} changed {noun}";

        var strongest = patterns.Concat(values).OrderBy(c => c.PValue).ThenByDescending(c => Math.Abs(Math.Log(c.Lift))).Take(5)
            .Select(c => $"{c.Field} {Explanations.AccessLogExplainer.Clip(c.Value, 48)} ({(c.Kind == ChangeKind.New ? "new" : c.Kind == ChangeKind.Gone ? "gone" : WindowContrast.Lift(c.Lift))})");
        var named = patterns.Count + values.Count == 0 ? "No pattern or field value changed significantly." : "Strongest: " + string.Join(", ", strongest) + ".";
        return $"{incident} against {baseline}: {Counted(patterns, "patterns")}; {Counted(values, "field values")}; {newEntities:N0} entities only in the incident. {named}";
    }
}

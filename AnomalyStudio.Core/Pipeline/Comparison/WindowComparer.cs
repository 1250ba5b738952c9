using System.Globalization;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Core.Pipeline.Comparison;

/// <summary>
/// Compares two windows of one detection result, as Kibana's log rate analysis sets a chosen window against a baseline
/// in one index: the records timed in the incident range (or, without one, every timed record outside the baseline range)
/// against those in the baseline range (or the rest). Patterns, field values and entities are counted per side from the
/// result's own per-record codes, so nothing is scored again, and tested exactly as two files are
/// (<see cref="ChangeFinder"/>). An entity "only in the incident" has records there and none in the baseline; its score
/// and explanation are the whole file's. Records without a time belong to neither side.
/// </summary>
public static class WindowComparer
{
    private const byte Neither = 0, Baseline = 1, Incident = 2;

    /// <exception cref="InvalidInputException">The records have no times, or a side holds no record.</exception>
    public static ComparisonResult Compare(DetectionResult result, ComparisonWindows windows, ComparisonOptions? options = null)
    {
        options = (options ?? new ComparisonOptions()).Validate();
        var (sides, nb, ni) = Sides(result, windows);
        var notes = new List<string>();
        var patterns = PatternCounts(result, sides);
        if (patterns is null)
        {
            notes.Add("The result has no patterns, so only field values and entities are compared.");
        }

        var (entities, newCount) = NewEntities(result, sides, options);
        var counts = new ComparisonCounts(
            Name(result.FileName, windows.Baseline), Name(result.FileName, windows.Incident), nb, ni,
            patterns is null ? [] : [(FileComparer.PatternField, patterns.Value.Baseline, patterns.Value.Incident)],
            FacetCounts(result, sides), entities, newCount, notes);
        return ChangeFinder.Find(counts, options) with { WindowsOf = result.FileName, Windows = windows };
    }

    /// <summary>"x.log 20 May 2015 02:40–02:42 UTC", or "the rest of x.log" for the side without a range.</summary>
    public static string Name(string file, TimeWindow? window) => window is { } w ? $"{file} {w}" : $"the rest of {file}";

    /// <summary>Each record's side, and how many records each side holds.</summary>
    private static (byte[] Sides, int Baseline, int Incident) Sides(DetectionResult result, ComparisonWindows windows)
    {
        var records = result.Records;
        var sides = new byte[records.Count];
        var (nb, ni, timed) = (0, 0, 0);
        long first = long.MaxValue, last = long.MinValue;
        for (var i = 0; i < sides.Length; i++)
        {
            if (records.Timestamp(i) is not { } time)
            {
                continue;
            }

            var t = time.UtcTicks;
            (first, last, timed) = (Math.Min(first, t), Math.Max(last, t), timed + 1);
            var inBaseline = windows.Baseline is { } b && b.Contains(t);
            var inIncident = windows.Incident is { } w && w.Contains(t);
            sides[i] = inIncident || (windows.Incident is null && !inBaseline) ? Incident
                : inBaseline || (windows.Baseline is null && !inIncident) ? Baseline
                : Neither;
            nb += sides[i] == Baseline ? 1 : 0;
            ni += sides[i] == Incident ? 1 : 0;
        }

        if (timed == 0)
        {
            throw new InvalidInputException($"The records of {result.FileName} have no times, so it has no time ranges to compare; compare it with another file instead.");
        }

        var span = string.Create(CultureInfo.InvariantCulture, $"{result.FileName}'s timed records run from {new DateTimeOffset(first, TimeSpan.Zero):yyyy-MM-ddTHH:mm:ssZ} to {new DateTimeOffset(last, TimeSpan.Zero):yyyy-MM-ddTHH:mm:ssZ}");
        if (nb == 0)
        {
            throw new InvalidInputException(windows.Baseline is { } b
                ? $"The baseline range ({b}) holds no records: {span}."
                : $"The incident range ({windows.Incident}) holds every timed record, so the rest of the file, the baseline, is empty: choose a shorter incident range or a baseline range too. {span}.");
        }

        if (ni == 0)
        {
            throw new InvalidInputException(windows.Incident is { } w
                ? $"The incident range ({w}) holds no records: {span}."
                : $"The baseline range ({windows.Baseline}) holds every timed record, so the rest of the file, the incident, is empty: choose a shorter baseline range or an incident range too. {span}.");
        }

        return (sides, nb, ni);
    }

    private static (Dictionary<string, int> Baseline, Dictionary<string, int> Incident)? PatternCounts(DetectionResult result, byte[] sides)
    {
        if (result.Patterns is not { } patterns || patterns.Codes.Length != sides.Length)
        {
            return null;
        }

        // Templates are matched by their text, as across two files (a miner may give two codes one text).
        var byCode = Split(patterns.Codes, patterns.Templates.Count, sides);
        return (CodeCounts.ByText(byCode.Baseline, patterns.Templates), CodeCounts.ByText(byCode.Incident, patterns.Templates));
    }

    private static List<(string Field, Dictionary<string, int> Baseline, Dictionary<string, int> Incident)> FacetCounts(DetectionResult result, byte[] sides)
    {
        var fields = new List<(string, Dictionary<string, int>, Dictionary<string, int>)>();
        foreach (var facet in result.Spikes?.Facets.Facets ?? [])
        {
            if (facet.Codes.Length == sides.Length)
            {
                var (b, i) = Split(facet.Codes, facet.Values.Count, sides);
                fields.Add((facet.Name, CodeCounts.ByText(b, facet.Values), CodeCounts.ByText(i, facet.Values)));
            }
        }

        return fields;
    }

    /// <summary>Each code's records on each side (a negative code, "none", is left out).</summary>
    private static (int[] Baseline, int[] Incident) Split(int[] codes, int distinct, byte[] sides)
    {
        var (b, i) = (new int[distinct], new int[distinct]);
        for (var r = 0; r < codes.Length; r++)
        {
            var code = codes[r];
            if (code < 0 || code >= distinct)
            {
                continue;
            }

            if (sides[r] == Baseline)
            {
                b[code]++;
            }
            else if (sides[r] == Incident)
            {
                i[code]++;
            }
        }

        return (b, i);
    }

    private static (List<NewEntity> Entities, int Count) NewEntities(DetectionResult result, byte[] sides, ComparisonOptions options)
    {
        if (result.Entities is not { } entities || entities.Index.OfRecord.Length != sides.Length)
        {
            return ([], 0);
        }

        var (inBaseline, inIncident) = Split(entities.Index.OfRecord, entities.Count, sides);
        var fresh = Enumerable.Range(0, entities.Count).Where(e => inIncident[e] > 0 && inBaseline[e] == 0).ToList();
        var listed = fresh
            .OrderByDescending(e => entities.Scores[e]).ThenByDescending(e => inIncident[e]).ThenBy(e => entities.Profiles[e].Key, StringComparer.Ordinal)
            .Take(options.MaxItems)
            .Select(e => new NewEntity(entities.Profiles[e].Key, inIncident[e], entities.Scores[e], entities.Severities[e], entities.Explanations[e]))
            .ToList();
        return (listed, fresh.Count);
    }
}

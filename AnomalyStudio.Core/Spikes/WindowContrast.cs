using System.Globalization;

namespace AnomalyStudio.Core.Spikes;

/// <summary>
/// Lists the field values significantly over-represented in a window against a baseline (every other record, or a
/// window of its own), as Kibana's log rate analysis does for a spike: for each value seen at least
/// <see cref="MinCount"/> times in the window, its lift and the G-test's p-value, kept when p is below the
/// Bonferroni-corrected level and the value is both common in the window and much more common than in the baseline.
/// </summary>
public static class WindowContrast
{
    public const int MinCount = 5;

    public static SpikeExplanation Explain(RecordFacets facets, TimeWindow window, TimeWindow? baseline, SpikeOptions options)
    {
        var split = Split(facets.Ticks, window, baseline);
        var candidates = Candidates(facets, split);
        var values = OverRepresented(facets, split, baseline is null, candidates, options);

        // Most significant first; among equally certain ones (p underflows to 0 for the clearest), the larger lift,
        // then the larger count; field and value last, so the order never depends on anything but the data.
        values.Sort((x, y) =>
            x.PValue != y.PValue ? x.PValue.CompareTo(y.PValue)
            : x.Lift != y.Lift ? y.Lift.CompareTo(x.Lift)
            : x.WindowCount != y.WindowCount ? y.WindowCount.CompareTo(x.WindowCount)
            : string.CompareOrdinal(x.Field + "\0" + x.Value, y.Field + "\0" + y.Value));
        var kept = values.Take(options.MaxValues).ToList();
        return new SpikeExplanation(window, baseline, split.WindowCount, split.BaselineCount, kept, Sentence(facets, window, split.WindowCount, split.BaselineCount, kept));
    }

    /// <summary>Which records fall in the window and which in the baseline (every other timed record when there is none).</summary>
    private sealed record WindowSplit(bool[] InWindow, bool[] InBaseline, int WindowCount, int BaselineCount);

    private static WindowSplit Split(long[] ticks, TimeWindow window, TimeWindow? baseline)
    {
        var inWindow = new bool[ticks.Length];
        var inBaseline = new bool[ticks.Length];
        int windowCount = 0, baselineCount = 0;
        for (var i = 0; i < ticks.Length; i++)
        {
            var t = ticks[i];
            if (t == long.MinValue)
            {
                continue;
            }

            if (window.Contains(t))
            {
                inWindow[i] = true;
                windowCount++;
            }
            else if (baseline is not { } b || b.Contains(t))
            {
                inBaseline[i] = true;
                baselineCount++;
            }
        }

        return new WindowSplit(inWindow, inBaseline, windowCount, baselineCount);
    }

    /// <summary>Every facet value seen at least <see cref="MinCount"/> times in the window, with its counts in the window (A) and the baseline (B).</summary>
    private static List<(Facet Facet, int Code, int A, int B)> Candidates(RecordFacets facets, WindowSplit split)
    {
        var candidates = new List<(Facet Facet, int Code, int A, int B)>();
        for (var f = 0; f < facets.Facets.Count; f++)
        {
            var facet = facets.Facets[f];
            var a = new int[facet.Values.Count];
            var b = new int[facet.Values.Count];
            for (var i = 0; i < split.InWindow.Length; i++)
            {
                if (split.InWindow[i])
                {
                    a[facet.Codes[i]]++;
                }
                else if (split.InBaseline[i])
                {
                    b[facet.Codes[i]]++;
                }
            }

            for (var code = 0; code < a.Length; code++)
            {
                if (a[code] >= MinCount)
                {
                    candidates.Add((facet, code, a[code], b[code]));
                }
            }
        }

        return candidates;
    }

    /// <summary>The candidates common enough in the window, lifted enough over the baseline, and significant at the Bonferroni-corrected level.</summary>
    private static List<OverRepresentedValue> OverRepresented(
        RecordFacets facets, WindowSplit split, bool elsewhere, List<(Facet Facet, int Code, int A, int B)> candidates, SpikeOptions options)
    {
        var (windowCount, baselineCount) = (split.WindowCount, split.BaselineCount);
        var level = options.Alpha / Math.Max(1, candidates.Count);
        var values = new List<OverRepresentedValue>();
        foreach (var (facet, code, a, b) in candidates)
        {
            var windowShare = (double)a / windowCount;
            var baselineShare = (b + 0.5) / (baselineCount + 1.0);
            var lift = windowShare / baselineShare;
            if (windowShare < options.MinShare || lift < options.MinLift)
            {
                continue;
            }

            var p = GTest.PValue(a, windowCount, b, baselineCount);
            if (p > level)
            {
                continue;
            }

            var value = Explanations.AccessLogExplainer.Clip(facet.Values[code], 80);
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"{facet.Name} {value}: {a:N0} of {windowCount:N0} {facets.Noun} ({Share(windowShare)}) against {Share((double)b / Math.Max(1, baselineCount))} {(elsewhere ? "elsewhere" : "in the baseline")}, {Lift(lift)} as common ({P(p)})");
            values.Add(new OverRepresentedValue(facet.Name, facet.Values[code], a, windowCount, b, baselineCount, lift, p, text));
        }

        return values;
    }

    private static string Sentence(RecordFacets facets, TimeWindow window, int windowCount, int baselineCount, List<OverRepresentedValue> values)
    {
        if (windowCount == 0)
        {
            return $"{window}: no {facets.Noun} in this window.";
        }

        var head = string.Create(CultureInfo.InvariantCulture, $"{window}: {windowCount:N0} {facets.Noun}");
        if (values.Count == 0)
        {
            return $"{head}; no field value is significantly more common than in the other {baselineCount:N0}.";
        }

        var named = values.Take(3).Select(v => string.Create(
            CultureInfo.InvariantCulture, $"{v.Field} {Explanations.AccessLogExplainer.Clip(v.Value, 48)} ({Share(v.WindowShare)} vs {Share(v.BaselineShare)})"));
        return $"{head}, driven by {string.Join(", ", named)}.";
    }

    internal static string Share(double share) =>
        (share >= 0.1 ? Math.Round(share * 100) : Math.Round(share * 100, share >= 0.001 ? 1 : 2)).ToString(CultureInfo.InvariantCulture) + " %";

    internal static string Lift(double lift) =>
        (lift >= 10 ? Math.Round(lift).ToString("N0", CultureInfo.InvariantCulture) : lift.ToString("0.#", CultureInfo.InvariantCulture)) + "×";

    internal static string P(double p) => p < 1e-300 ? "p < 1e-300" : p < 0.001 ? "p = " + p.ToString("0.#e+0", CultureInfo.InvariantCulture) : "p = " + p.ToString("0.####", CultureInfo.InvariantCulture);
}

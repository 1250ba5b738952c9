namespace AnomalyStudio.Core.Pipeline.Comparison;

/// <summary>Counts kept per code (a facet's value, a pattern's template) turned into counts per text, as two sides are compared.</summary>
internal static class CodeCounts
{
    /// <summary>Each text's count; codes that share a text add up, and texts counted zero are left out.</summary>
    public static Dictionary<string, int> ByText(int[] byCode, IReadOnlyList<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var code = 0; code < byCode.Length; code++)
        {
            if (byCode[code] > 0)
            {
                counts[texts[code]] = counts.GetValueOrDefault(texts[code]) + byCode[code];
            }
        }

        return counts;
    }
}

using System.Globalization;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Reads a ground-truth column in any common spelling: 0/1, true/false, yes/no, normal/anomaly, norm/anom,
/// benign/attack/malicious, scikit-learn's 1/−1 (inlier/outlier), and a normal value beside anomaly categories (BGL's
/// <c>-</c> beside KERNDTLB, APPSEV …; <c>normal</c> beside <c>sqli</c>, <c>xss</c>). A column it cannot map is not
/// guessed at: its labels are null and a note names it, instead of every record counting as one class.
/// </summary>
public static class LabelColumnReader
{
    private static readonly HashSet<string> NormalWords = new(
        ["0", "false", "f", "no", "n", "normal", "norm", "benign", "-", "ok", "negative", "neg", "inlier", "legit", "legitimate",
         "good", "clean", "nominal", "regular", "non-anomalous", "not anomaly", "non-attack", "ham"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> AnomalyWords = new(
        ["1", "true", "t", "yes", "y", "anomaly", "anomalous", "anom", "abnormal", "attack", "malicious", "malware", "outlier",
         "bad", "fraud", "fraudulent", "positive", "pos", "alert", "suspicious", "intrusion", "spam"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>What a single value says on its own: true (anomaly), false (normal) or null (not a word or number it knows).</summary>
    public static bool? Known(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0 || NormalWords.Contains(text))
        {
            return false;
        }

        if (AnomalyWords.Contains(text))
        {
            return true;
        }

        // Numbers count by value, so "0.00" and numpy's "0.000000000000000000e+00" are normal and 1.0 an anomaly.
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number)
            ? number != 0
            : null;
    }

    /// <summary>The labels of <paramref name="column"/> (true = anomaly), or null with a note saying why they cannot be read.</summary>
    public static (bool[]? Labels, string? Note) Read(CsvColumn column, int rows)
    {
        var values = Enumerable.Range(0, rows).Select(i => column.Texts is { } texts ? texts[i] : column.Display(i)).ToArray();
        var distinct = values.Select(v => v?.Trim() ?? string.Empty).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        // scikit-learn's predict(): 1 for inliers, −1 for outliers.
        if (distinct.Count == 2 && distinct.All(v => v is "1" or "-1" or "1.0" or "-1.0"))
        {
            return (values.Select(v => v!.Trim().StartsWith('-')).ToArray(), $"Labels: column '{column.Name}' holds 1 and −1, read as scikit-learn's inlier (1) and outlier (−1).");
        }

        var unknown = distinct.Where(v => Known(v) is null).ToList();
        if (unknown.Count == 0)
        {
            return (values.Select(v => Known(v) == true).ToArray(), null);
        }

        // A normal value beside words it does not know: the others are anomaly categories.
        if (distinct.Any(v => Known(v) == false && v.Length > 0))
        {
            var examples = string.Join(", ", unknown.Take(3).Select(v => $"'{v}'"));
            return (values.Select(v => Known(v) != false).ToArray(),
                $"Labels: column '{column.Name}': {string.Join(", ", distinct.Where(v => Known(v) == false && v.Length > 0).Select(v => $"'{v}'"))} is normal and its {unknown.Count:N0} other value(s) ({examples}{(unknown.Count > 3 ? ", …" : "")}) are anomaly categories.");
        }

        var unmapped = string.Join(", ", unknown.Take(4).Select(v => $"'{v}'"));
        return (null, $"Labels: column '{column.Name}' holds values that cannot be read as normal or anomaly ({unmapped}{(unknown.Count > 4 ? ", …" : "")}), so it is left out of the features and no evaluation is reported. Use 0/1, normal/anomaly or a normal value such as '-' beside categories.");
    }
}

using System.Globalization;
using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Explanations;

/// <summary>
/// Says in plain words why a CSV row looks anomalous: the numeric values furthest from their column's
/// typical value (in robust σ), rare categories and missing values, e.g.
/// "latency_ms 5,210 is 14.2σ above typical (180); service 'crypto-miner' is rare (0.1% of rows)".
/// </summary>
public static class CsvExplainer
{
    public static List<Reason> Reasons(CsvFeatures features, int row)
    {
        var reasons = new List<Reason>();
        var strongest = (Column: (string?)null, Z: 0.0, Value: 0.0, Center: 0.0);
        var missing = 0;
        foreach (var (column, stats) in features.NumericStatistics)
        {
            var value = column.Numbers![row];
            if (double.IsNaN(value))
            {
                missing++;
                continue;
            }

            var z = stats.Z(value);
            if (Math.Abs(z) > Math.Abs(strongest.Z))
            {
                strongest = (column.Name, z, value, stats.Center);
            }

            if (Math.Abs(z) > CsvFeatureExtractor.OutlierZ)
            {
                reasons.Add(new Reason(Deviation(column.Name, value, z, stats.Center), 50 + Math.Min(Math.Abs(z), 49)));
            }
        }

        foreach (var (column, shares) in features.CategoryShares)
        {
            if (column.Texts![row] is not { } value)
            {
                missing++;
                continue;
            }

            var share = shares.ShareOf(value);
            if (!shares.IsIdentifierLike && share < CategoryShares.RareShare)
            {
                reasons.Add(new Reason(
                    $"{column.Name} '{AccessLogExplainer.Clip(value, 32)}' is rare ({share.ToString("0.##%", CultureInfo.InvariantCulture)} of rows)",
                    60 + (10 * (1 - (share / CategoryShares.RareShare)))));
            }
        }

        var columns = features.NumericStatistics.Count + features.CategoryShares.Count;
        if (missing > 0)
        {
            reasons.Add(new Reason(
                missing == 1 ? "1 value missing" : $"{missing} of {columns} values missing",
                40 + (20.0 * missing / Math.Max(1, columns))));
        }

        // Nothing crossed a line on its own: name the largest deviation, which is still the best lead.
        if (reasons.Count == 0 && strongest.Column is not null && Math.Abs(strongest.Z) >= 1.5)
        {
            reasons.Add(new Reason("largest deviation: " + Deviation(strongest.Column, strongest.Value, strongest.Z, strongest.Center), 1));
        }

        return reasons;
    }

    private static string Deviation(string column, double value, double z, double center) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{column} {FormatNumber(value)} is {Math.Abs(z):0.#}σ {(z > 0 ? "above" : "below")} typical ({FormatNumber(center)})");

    private static string FormatNumber(double value) =>
        Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
}

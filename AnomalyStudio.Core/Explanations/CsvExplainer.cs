using System.Globalization;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Explanations;

/// <summary>
/// Says in plain words why a CSV row looks anomalous: the numeric values furthest from their column's
/// typical value (in robust σ), a counter's growth against its typical growth, rare categories and missing values, e.g.
/// "latency_ms 5,210 is 14.2σ above typical (180); requests_total grew by 412 (typically 5); service 'crypto-miner' is rare (0.1% of rows)".
/// </summary>
public static class CsvExplainer
{
    public static List<Reason> Reasons(CsvFeatures features, int row)
    {
        var reasons = new List<Reason>();
        var strongest = (Column: (string?)null, Z: 0.0, Value: 0.0, Center: 0.0, Counter: false);
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
            var counter = features.Counters.Contains(column);
            if (Math.Abs(z) > Math.Abs(strongest.Z))
            {
                strongest = (column.Name, z, value, stats.Center, counter);
            }

            if (Math.Abs(z) > CsvFeatureExtractor.OutlierZ)
            {
                reasons.Add(new Reason(Deviation(column.Name, value, z, stats.Center, counter), 50 + Math.Min(Math.Abs(z), 49)));
            }
        }

        foreach (var (column, shares) in features.CategoryShares)
        {
            if (features.Categories is { } named && !named.Contains(column))
            {
                continue; // a copy of a category already named (EventTemplate beside EventId)
            }

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

        foreach (var level in features.Levels)
        {
            var rank = LogLevels.Rank(level.Texts![row]);
            if (rank >= 2)
            {
                reasons.Add(new Reason($"{level.Name} {AccessLogExplainer.Clip(level.Texts[row]!.Trim(), 16)}", 60 + (8 * rank)));
            }
        }

        foreach (var text in features.Texts)
        {
            AddTextReasons(reasons, text, row);
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
            reasons.Add(new Reason("largest deviation: " + Deviation(strongest.Column, strongest.Value, strongest.Z, strongest.Center, strongest.Counter), 1));
        }

        return reasons;
    }

    /// <summary>What a text column's content says: attack tokens in a URL or body, an alarm word in a message, a rare shape.</summary>
    private static void AddTextReasons(List<Reason> reasons, Features.Text.TextColumnFeatures text, int row)
    {
        if (text.Text(row) is not { } value)
        {
            return;
        }

        var decoded = Features.Text.TextContent.Decode(value);
        if (text.IsUrlLike && text.PayloadTokenCount(row) >= 2)
        {
            var tokens = Features.Text.PayloadTokens.Found(decoded);
            reasons.Add(new Reason($"{text.Name} carries attack tokens ({string.Join(" ", tokens.Select(t => AccessLogExplainer.Clip(t, 12)))})", 95));
        }
        else if (!text.IsUrlLike && text.AlarmWordCount(row) > 0 && Features.Text.AlarmWords.First(decoded) is { } alarm)
        {
            reasons.Add(new Reason($"{text.Name} says '{alarm}'", 58));
        }

        var share = text.ShapeShare(row);
        if (share < CategoryShares.RareShare)
        {
            reasons.Add(new Reason(
                string.Create(CultureInfo.InvariantCulture, $"{text.Name} has a rare shape ({text.ShapeCount(row):N0} of {text.Rows:N0} rows): '{AccessLogExplainer.Clip(text.Shape(row) ?? string.Empty, 48)}'"),
                62 + (8 * (1 - (share / CategoryShares.RareShare)))));
        }
    }

    /// <summary>
    /// A measurement's distance from typical; a counter's growth in this record against its typical growth. The distance is
    /// counted in the column's own robust spread ("column spreads"), never in σ: σ is the record's distance from the
    /// typical record that the severities are bands of, and one symbol for both read as "50σ" beside an 8σ critical.
    /// </summary>
    private static string Deviation(string column, double value, double z, double center, bool counter) =>
        counter
            ? string.Create(CultureInfo.InvariantCulture, $"{column} grew by {FormatNumber(value)} (typically {FormatNumber(center)})")
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{column} {FormatNumber(value)} is {Math.Abs(z):0.#} column spreads {(z > 0 ? "above" : "below")} typical ({FormatNumber(center)})");

    private static string FormatNumber(double value) =>
        Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
}

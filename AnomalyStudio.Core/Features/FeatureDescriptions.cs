namespace AnomalyStudio.Core.Features;

/// <summary>Plain words for feature names, for explanations and the UI; a CSV column is called by its own name.</summary>
public static class FeatureDescriptions
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["is_4xx"] = "client-error status",
        ["is_5xx"] = "server-error status",
        ["is_3xx"] = "redirect status",
        ["bytes_zscore"] = "response size",
        ["large_response"] = "large-response flag",
        ["suspicious_uri"] = "URI pattern",
        ["suspicious_ua"] = "user agent",
        ["method_code"] = "HTTP method",
        ["uri_length"] = "URI length",
        ["uri_payload"] = "attack tokens in the URI",
        ["uri_symbols"] = "symbols in the URI",
        ["uri_shape_rarity"] = "rare URI shape",
        ["mean_abs_z"] = "overall deviation of its numbers",
        ["max_abs_z"] = "its most extreme number",
        ["missing_ratio"] = "missing values",
        ["category_surprisal"] = "unusual categories",
        ["rare_category_ratio"] = "rare categories",
        ["outlier_count"] = "number of outlying values",
        ["z_variance"] = "spread of its numbers",
    };

    public static string Of(string feature) => Words.GetValueOrDefault(feature, feature);
}

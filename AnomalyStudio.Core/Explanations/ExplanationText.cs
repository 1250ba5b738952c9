namespace AnomalyStudio.Core.Explanations;

/// <summary>Joins reasons into the sentence shown to the user.</summary>
public static class ExplanationText
{
    public const string NothingUnusual = "nothing unusual";

    public const string NoSingleReason = "unusual combination of values (no single field stands out)";

    /// <summary>At most this many reasons are named, strongest first.</summary>
    public const int MaxReasons = 4;

    public static string Join(List<Reason> reasons)
    {
        if (reasons.Count == 0)
        {
            return NoSingleReason;
        }

        reasons.Sort((a, b) => b.Strength.CompareTo(a.Strength));
        return string.Join("; ", reasons.Take(MaxReasons).Select(r => r.Text));
    }
}

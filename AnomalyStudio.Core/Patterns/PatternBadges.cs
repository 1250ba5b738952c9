namespace AnomalyStudio.Core.Patterns;

/// <summary>What makes a pattern worth a look beside its count (<see cref="PatternOptions"/> says when each applies).</summary>
[Flags]
public enum PatternBadges
{
    None = 0,

    /// <summary>First seen late in the span looked at.</summary>
    New = 1,

    /// <summary>A tiny share of the records.</summary>
    Rare = 2,

    /// <summary>One stretch of time holds far more of it than its usual rate.</summary>
    Bursting = 4,
}

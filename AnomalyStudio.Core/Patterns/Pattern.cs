using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Patterns;

/// <summary>
/// One pattern (template) of a file within the span looked at: its records' count and share, when it was first and last
/// seen, its records per sparkline bucket, their severities and its badges.
/// </summary>
public sealed record Pattern
{
    /// <summary>0-based index of the template in <see cref="PatternAnalysis.Templates"/> (its id is "T" + index + 1).</summary>
    public required int Index { get; init; }

    /// <summary>"T1", "T2", …: numbered by the record that first shows each template, as the records' reports number them.</summary>
    public required string TemplateId { get; init; }

    /// <summary>The template, its parameters as &lt;*&gt; (<see cref="TemplateText.Parts"/> splits them out).</summary>
    public required string Template { get; init; }

    public required int Count { get; init; }

    /// <summary>Count over the records looked at (0…1).</summary>
    public required double Share { get; init; }

    /// <summary>Earliest and latest time of its records; null when they have no times.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>1-based line (a table's data row) of its first and last record in the file.</summary>
    public required long FirstLine { get; init; }

    public required long LastLine { get; init; }

    /// <summary>Its records per bucket of <see cref="PatternSummary.Buckets"/> over the span.</summary>
    public required int[] Sparkline { get; init; }

    public required SeverityCounts Severities { get; init; }

    public required PatternBadges Badges { get; init; }

    public bool Is(PatternBadges badge) => (Badges & badge) == badge;
}

using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Core.Patterns;

/// <summary>
/// The patterns of the records looked at (every record, or those in a time range), most frequent first, with the span
/// their sparklines cover: <see cref="Buckets"/> buckets from <see cref="Start"/>, each <see cref="BucketWidth"/> long, or
/// equal slices of the file's order when the records have no times.
/// </summary>
public sealed record PatternSummary
{
    /// <summary>Where the templates come from, for people ("the line log's messages", "field 'url'").</summary>
    public required string Source { get; init; }

    /// <summary>The field mined or read, when the templates come from one.</summary>
    public string? Field { get; init; }

    public required IReadOnlyList<Pattern> Patterns { get; init; }

    /// <summary>Records looked at (in the range, when there is one).</summary>
    public required int Records { get; init; }

    /// <summary>Records looked at that have no pattern (an empty field).</summary>
    public required int WithoutPattern { get; init; }

    /// <summary>The range looked at; null for the whole file.</summary>
    public TimeWindow? Range { get; init; }

    public required int Buckets { get; init; }

    /// <summary>Start of the first bucket; null when the buckets are slices of the file's order.</summary>
    public DateTimeOffset? Start { get; init; }

    public TimeSpan? BucketWidth { get; init; }

    public bool HasTime => Start is not null;

    /// <summary>Patterns with a badge, for the headline.</summary>
    public int CountWith(PatternBadges badge) => Patterns.Count(p => p.Is(badge));
}

using AnomalyStudio.Core.Parsing.LineLogs;

namespace AnomalyStudio.Core.Patterns;

/// <summary>Which text the patterns group, and when a pattern is called rare, new or bursting.</summary>
public sealed record PatternOptions
{
    /// <summary>
    /// The field (a JSON key or CSV column) whose text is mined for patterns; null takes the file's own templates (a line
    /// log's messages, a JSON log's event type or message), else a table's message-like or first free-text column.
    /// </summary>
    public string? Field { get; init; }

    /// <summary>How many buckets a pattern's sparkline (and its burst test) has over the span looked at.</summary>
    public int SparkBuckets { get; init; } = 48;

    /// <summary>A pattern can be rare when it has at most this share of the records …</summary>
    public double RareShare { get; init; } = 0.001;

    /// <summary>… or at most this many records, whichever allows more …</summary>
    public int RareCount { get; init; } = 2;

    /// <summary>
    /// … and the patterns at most that small together hold at most this share of the records: rare against the file's
    /// own counts, so a long tail of one-off templates, normal in an access log, is not all called rare.
    /// </summary>
    public double RareTail { get; init; } = 0.01;

    /// <summary>A pattern is new when its first record comes after this share of the span (time, else file order).</summary>
    public double NewAfter { get; init; } = 0.75;

    /// <summary>A sparkline bucket bursts when it is this many robust σ above the pattern's other buckets' median …</summary>
    public double BurstZ { get; init; } = 5;

    /// <summary>… and at least this many records above it …</summary>
    public int BurstExcess { get; init; } = 20;

    /// <summary>… and at least this multiple of it (the spike detector's rules, on the sparkline's buckets).</summary>
    public double BurstRatio { get; init; } = 2;

    /// <summary>How a chosen field's text is mined (Drain's parameters).</summary>
    public DrainOptions Drain { get; init; } = DrainOptions.Default;

    public PatternOptions Validate()
    {
        if (SparkBuckets is < 4 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(SparkBuckets), SparkBuckets, "SparkBuckets must be between 4 and 1000.");
        }

        if (!(RareShare >= 0 && RareShare < 1) || RareCount < 0 || !(RareTail >= 0 && RareTail < 1) || !(NewAfter > 0 && NewAfter < 1))
        {
            throw new ArgumentException($"Pattern badge options out of range: RareShare {RareShare}, RareCount {RareCount}, RareTail {RareTail}, NewAfter {NewAfter}.");
        }

        if (!(BurstZ > 0) || BurstExcess < 1 || !(BurstRatio >= 1))
        {
            throw new ArgumentException($"Pattern burst options out of range: BurstZ {BurstZ}, BurstExcess {BurstExcess}, BurstRatio {BurstRatio}.");
        }

        Drain.Validate();
        return this;
    }
}

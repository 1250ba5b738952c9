namespace AnomalyStudio.Core.Entities;

/// <summary>How records are grouped into entities and how many of them are needed to score them against each other.</summary>
public sealed record EntityOptions
{
    /// <summary>For access logs: group by IP + user agent (a session) instead of by IP alone.</summary>
    public bool Sessions { get; init; }

    /// <summary>For tables (CSV, JSON lines, line logs): the column that names entities; null takes the detected identifier column.</summary>
    public string? Column { get; init; }

    /// <summary>
    /// Fewer entities than this are listed but not scored: an isolation forest on a handful of rows says nothing about
    /// which of them is rare.
    /// </summary>
    public int MinEntities { get; init; } = 5;

    public EntityOptions Validate()
    {
        if (MinEntities < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinEntities), MinEntities, "MinEntities must be at least 2.");
        }

        if (Column is { } column && string.IsNullOrWhiteSpace(column))
        {
            throw new ArgumentException("Column must name a column or be left out.", nameof(Column));
        }

        return this;
    }

    /// <summary>
    /// These options for an access log, whose entities are always its clients: a <see cref="Column"/> other than <c>ip</c>
    /// (what they are grouped by anyway) is refused rather than silently ignored.
    /// </summary>
    public EntityOptions ForAccessLog()
    {
        if (Column is { } column && !string.Equals(column.Trim(), "ip", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidInputException(
                $"An access log's entities are its clients (by IP; with sessions, IP and user agent), so the entity column '{column}' does not apply: it chooses a column of a CSV, JSON-lines file or line log.");
        }

        return this;
    }
}

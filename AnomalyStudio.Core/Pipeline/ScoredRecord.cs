using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>One scored record: where it is in the file, who it is, its 0…1 score, severity and explanation.</summary>
public sealed class ScoredRecord
{
    /// <summary>0-based position among the parsed records (row of the feature matrix).</summary>
    public required int Index { get; init; }

    /// <summary>1-based line in the input; for CSV the data row number, header excluded.</summary>
    public required long Line { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Client IP for logs; the identifier column (else "row N") for CSV.</summary>
    public required string Identifier { get; init; }

    /// <summary>Normalised score, 0 = normal … 1 = anomalous.</summary>
    public required double Score { get; init; }

    public required Severity Severity { get; init; }

    public required string Explanation { get; init; }

    public bool IsAnomaly => Severity != Severity.Normal;
}

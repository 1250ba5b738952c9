namespace AnomalyStudio.Core.Features;

/// <summary>The feature sets a model can be trained on; a model only scores matrices of its own kind.</summary>
public enum FeatureKind
{
    /// <summary>The access-log features (<see cref="AccessLogFeatureExtractor.Names"/>).</summary>
    AccessLog,

    /// <summary>The fixed-width CSV summary (<see cref="CsvFeatureExtractor.SummaryNames"/>), so one model serves any CSV.</summary>
    CsvSummary,

    /// <summary>A table's own columns: measurements, levels, category rarities and text content (fitted on the file only).</summary>
    CsvNumeric,
}

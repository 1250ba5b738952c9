namespace AnomalyStudio.Core.Features;

/// <summary>
/// A feature set a model can be trained on; a model only scores matrices of its own kind. An open set: a format with
/// features of its own declares its kind beside it. The name is what model files store.
/// </summary>
public sealed record FeatureKind(string Name)
{
    /// <summary>The access-log features (<see cref="AccessLogFeatureExtractor.Names"/>).</summary>
    public static readonly FeatureKind AccessLog = new("AccessLog");

    /// <summary>The fixed-width CSV summary (<see cref="CsvFeatureExtractor.SummaryNames"/>), so one model serves any table.</summary>
    public static readonly FeatureKind CsvSummary = new("CsvSummary");

    /// <summary>A table's own columns: measurements, levels, category rarities and text content (fitted on the file only).</summary>
    public static readonly FeatureKind CsvNumeric = new("CsvNumeric");

    public override string ToString() => Name;
}

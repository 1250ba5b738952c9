namespace AnomalyStudio.Core.Pipeline.Comparison;

/// <summary>
/// Two sides of a comparison (two files, or two windows of one file) counted: each side's records, each pattern's and
/// each field value's records on each side, and the entities only the incident has. <see cref="ChangeFinder"/> turns
/// it into a <see cref="ComparisonResult"/>, so a file compare and a window compare test the same way.
/// </summary>
internal sealed record ComparisonCounts(
    string BaselineName,
    string IncidentName,
    int BaselineRecords,
    int IncidentRecords,
    IReadOnlyList<(string Field, Dictionary<string, int> Baseline, Dictionary<string, int> Incident)> Patterns,
    IReadOnlyList<(string Field, Dictionary<string, int> Baseline, Dictionary<string, int> Incident)> Values,
    IReadOnlyList<NewEntity> NewEntities,
    int NewEntityCount,
    IReadOnlyList<string> Notes);

namespace AnomalyStudio.Core.Pipeline.Comparison;

/// <summary>What differs between a baseline and an incident (two files, or two windows of one file): patterns, field values and entities.</summary>
public sealed record ComparisonResult
{
    /// <summary>The baseline's name: its file, or the window of a file ("the rest of x.log").</summary>
    public required string BaselineFile { get; init; }

    /// <summary>The incident's name: its file, or the window of a file.</summary>
    public required string IncidentFile { get; init; }

    public required int BaselineRecords { get; init; }

    public required int IncidentRecords { get; init; }

    /// <summary>Patterns (templates, matched by their text) new, gone or changed in rate; most significant first.</summary>
    public required IReadOnlyList<ValueChange> Patterns { get; init; }

    /// <summary>Field values (status, URI template, client, agent, method; a table's categories, levels and identifiers) new, gone or changed in rate.</summary>
    public required IReadOnlyList<ValueChange> Values { get; init; }

    /// <summary>Entities only in the incident, most records first.</summary>
    public required IReadOnlyList<NewEntity> NewEntities { get; init; }

    /// <summary>How many entities only the incident has (more than <see cref="NewEntities"/> lists when they are many).</summary>
    public required int NewEntityCount { get; init; }

    /// <summary>The differences in one paragraph, the strongest named.</summary>
    public required string Text { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The one file whose windows were compared (<see cref="WindowComparer"/>); null when two files were.</summary>
    public string? WindowsOf { get; init; }

    /// <summary>The windows compared when <see cref="WindowsOf"/> is set; null for "the rest of the file".</summary>
    public ComparisonWindows? Windows { get; init; }
}

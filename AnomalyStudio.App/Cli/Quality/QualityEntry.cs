namespace AnomalyStudio.App.Cli.Quality;

/// <summary>One line of the quality benchmark's table of data sets (<see cref="QualitySets.Table"/>).</summary>
/// <param name="Name">The set's name in the quality table; for a wildcard path, <c>{name}</c> or <c>{stem}</c> stands for each file's name, with or without its extension.</param>
/// <param name="Folder">The folder <paramref name="Path"/> and <paramref name="Labels"/> are under.</param>
/// <param name="Path">The file, relative to its folder; a <c>*</c> in the file's name makes one set of every matching file.</param>
/// <param name="Labels">The ground truth outside the file ("line,label" or per-entity rows), when it has one.</param>
/// <param name="Entities">Score the file's entities (sessions) and judge them against per-entity labels, instead of its records.</param>
public sealed record QualityEntry(string Name, QualityFolder Folder, string Path, string? Labels = null, bool Entities = false)
{
    /// <summary>Replace <see cref="QualitySets.InjectedAttacks"/> of the log's request URIs with public attack payloads, and label those lines.</summary>
    public bool InjectAttacks { get; init; }

    /// <summary>The file name the pipeline is given, when not the file's own.</summary>
    public string? FileName { get; init; }
}

namespace AnomalyStudio.App.Cli.Quality;

/// <summary>One file of the quality benchmark: how to open it, its name, and its ground truth when it has one outside the file.</summary>
/// <param name="Entities">Score the file's entities (sessions) and judge them against per-entity labels, instead of its records.</param>
public sealed record QualitySet(string Name, string FileName, Func<Stream> Open, Func<Stream>? Labels = null, bool Entities = false);

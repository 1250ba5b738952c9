namespace AnomalyStudio.Core.Quality;

/// <summary>One file of the quality benchmark: how to open it, its name, and its ground truth when it has one outside the file.</summary>
public sealed record QualitySet(string Name, string FileName, Func<Stream> Open, Func<Stream>? Labels = null);

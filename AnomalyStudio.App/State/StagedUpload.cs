namespace AnomalyStudio.App.State;

/// <summary>An uploaded file in its private directory: where it is, and the name the user knows it by (never used as a path).</summary>
public sealed record StagedUpload(DirectoryInfo Directory, string Path, string Name);

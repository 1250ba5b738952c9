namespace AnomalyStudio.Core.Parsing;

/// <summary>A line the parser passed over, with its 1-based number and why.</summary>
public sealed record SkippedLine(long LineNumber, string Reason);

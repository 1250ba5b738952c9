namespace AnomalyStudio.Core.Patterns;

/// <summary>
/// What a format gives the pattern stage: every record's pattern, found when the stage runs (<see cref="PatternFinder"/>
/// has the ways the standard formats find them).
/// </summary>
/// <param name="notes">Where a choice made along the way is said (the field mined, a field that has no text).</param>
/// <returns>The records' patterns; null when the records have no text to group.</returns>
public delegate PatternAnalysis? PatternSource(PatternOptions options, List<string> notes);

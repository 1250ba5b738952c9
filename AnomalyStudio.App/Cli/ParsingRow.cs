namespace AnomalyStudio.App.Cli;

/// <summary>One system's line of <c>bench parsing</c>.</summary>
/// <param name="Accuracy">Grouping accuracy of the miner on loghub's <c>Content</c> column.</param>
/// <param name="ReaderAccuracy">Grouping accuracy through the product's reader on the raw log; null when there is no raw log or it is not read as a line log.</param>
/// <param name="ReaderFormat">The format the product read the raw log as (null without a raw log).</param>
/// <param name="LinesPerSecond">Messages the miner takes per second on one core (the fastest of a few runs).</param>
public sealed record ParsingRow(
    string System, int Lines, int TrueTemplates, int MinedTemplates, double Accuracy, double? ReaderAccuracy, string? ReaderFormat, double LinesPerSecond, double? DrainAccuracy);

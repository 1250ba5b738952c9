namespace AnomalyStudio.Core.Parsing;

/// <summary>What an access-log parse produced: the records in file order and the lines it skipped.</summary>
public sealed record AccessLogParseResult(IReadOnlyList<AccessLogRecord> Records, SkippedLines Skipped, long TotalLines);

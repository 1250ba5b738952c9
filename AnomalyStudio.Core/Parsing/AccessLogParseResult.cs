namespace AnomalyStudio.Core.Parsing;

/// <summary>What an access-log parse produced: the requests in file order and the lines it skipped.</summary>
public sealed record AccessLogParseResult(AccessLogTable Records, SkippedLines Skipped, long TotalLines);

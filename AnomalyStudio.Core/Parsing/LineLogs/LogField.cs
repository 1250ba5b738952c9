namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>What a named field of a <see cref="LogFormatPattern"/> holds, from its name (<c>&lt;Level&gt;</c>, <c>&lt;Pid&gt;</c>, …).</summary>
internal enum LogField
{
    /// <summary>A field the header has but the table does not keep (loghub's <c>&lt;Label&gt;</c>, <c>&lt;LogId&gt;</c>).</summary>
    Ignored,
    Time,
    Level,
    Component,
    Process,
    Pid,
    Thread,
    Host,
    Client,
    Content,
}

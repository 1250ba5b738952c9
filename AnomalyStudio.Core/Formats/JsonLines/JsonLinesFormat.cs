using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Parsing.JsonLines;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Formats.JsonLines;

/// <summary>
/// One JSON object per line (JSON lines, NDJSON), read as a table of its flattened keys: recognised when most sampled
/// lines are objects. A file that is one JSON document instead is refused with the fix, rather than read as a CSV of its commas.
/// </summary>
public sealed class JsonLinesFormat : IInputFormat
{
    public const string FormatName = "json-lines";

    public string Name => FormatName;

    public string DisplayName => "JSON lines";

    public PretrainedFeatures Pretrained => TablePreparation.Pretrained;

    public FormatMatch Sniff(FormatSample sample)
    {
        var lines = sample.Lines;
        var objects = lines.Count(l => JsonObjectFlattener.IsObject(l.Text));
        if (objects * 2 > lines.Count)
        {
            return new FormatMatch(1);
        }

        return Refusal(lines[0], objects, lines.Count) is { } refusal
            ? new FormatMatch(0.95, Refusal: refusal, RefusalLine: lines[0].Number)
            : FormatMatch.None;
    }

    public string Expected(FormatSample sample) => "a JSON object";

    public PreparedInput Prepare(SniffedInput input, PreparationContext context) =>
        TablePreparation.Prepare(this, context, rows =>
            new JsonLinesReader().Read(input.Content, context.Limits, rows, context.CancellationToken));

    /// <summary>
    /// A file that opens a JSON array, or an object that does not close on its line, is one JSON document.
    /// "[Sun Dec 04 …]" and "[ERROR]" open log lines, not arrays.
    /// </summary>
    private static string? Refusal((long Number, string Text) first, int objects, int sampled)
    {
        if (objects > 0 && JsonObjectFlattener.IsObject(first.Text))
        {
            return $"The file starts like JSON lines, but only {objects} of its first {sampled} lines are JSON objects: JSON lines need one object on most lines.";
        }

        var text = first.Text.AsSpan().Trim();
        var array = text.Length > 0 && text[0] == '['
            && (text.Length == 1 || text[1..].TrimStart() is [] or ['{' or '[' or '"' or ']', ..]);
        if (array || (text.Length > 0 && text[0] == '{'))
        {
            return $"The file is one JSON document ({(array ? "an array" : "an object spread over several lines")}), not JSON lines: "
                + "AnomalyStudio reads one JSON object per line (convert it with, for example, jq -c '.[]').";
        }

        return null;
    }
}

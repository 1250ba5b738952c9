using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Parsing.LineLogs;

namespace AnomalyStudio.Core.Patterns;

/// <summary>
/// Gives every record its pattern. A line log's records, and a JSON log's with an event type or message, already carry
/// the reader's mined templates; a chosen field (or, for a table without templates, its message-like or first free-text
/// column) is mined with the same Drain miner; an access log's pattern is its request's method and URI template (the
/// path with numbers and ids abstracted, as the spikes name it).
/// </summary>
public static class PatternFinder
{
    /// <summary>The patterns of a table (a line log, JSON lines or CSV); null, with a note, when it has no text to group.</summary>
    public static PatternAnalysis? OfTable(CsvTable table, long[] lines, Func<int, DateTimeOffset?> timestamp, PatternOptions options, List<string> notes)
    {
        options.Validate();
        var field = options.Field?.Trim();
        RecordTemplates? templates;
        string? name;
        if (!string.IsNullOrEmpty(field) && !(table.Templates is not null && string.Equals(field, table.TemplateField, StringComparison.OrdinalIgnoreCase)))
        {
            var column = Chosen(table, field);
            (templates, name) = (MessageColumnMiner.MineColumn(column, options.Drain), column.Name);
        }
        else if (table.Templates is { } own)
        {
            (templates, name) = (own, table.TemplateField);
        }
        else if (DefaultColumn(table) is { } column)
        {
            (templates, name) = (MessageColumnMiner.MineColumn(column, options.Drain), column.Name);
        }
        else
        {
            notes.Add("Patterns: the file has no free-text field to group; choose one (--pattern-field, patternField).");
            return null;
        }

        if (templates is null)
        {
            notes.Add($"Patterns: the field '{name}' is empty in every record.");
            return null;
        }

        var codes = new int[templates.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = templates[i]?.Index ?? -1;
        }

        var texts = templates.Templates.Select(t => t.Text).ToArray();
        notes.Add($"Patterns: {texts.Length:N0} template{(texts.Length == 1 ? "" : "s")} of the '{name}' field.");
        return new PatternAnalysis
        {
            Source = $"field '{name}'", Field = name, Fields = TextFields(table), Templates = texts, Codes = codes, Ticks = Ticks(codes.Length, timestamp), Lines = lines, Options = options,
        };
    }

    /// <summary>The patterns of an access log: method and URI template per request.</summary>
    /// <exception cref="InvalidInputException">A pattern field was named: an access log has no text field to choose.</exception>
    public static PatternAnalysis OfAccessLog(AccessLogFeatures log, PatternOptions options)
    {
        options.Validate();
        if (!string.IsNullOrWhiteSpace(options.Field))
        {
            throw new InvalidInputException("An access log's patterns are its requests' method and URI template; a pattern field is for JSON lines and CSV.");
        }

        var records = log.Records;
        var methods = records.Methods;
        var uris = records.Uris.Codes;
        var byCodes = new Dictionary<long, int>();
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<string>();
        var codes = new int[records.Count];
        var ticks = new long[records.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            ticks[i] = records.Timestamps[i].UtcTicks;
            var key = ((long)methods.CodeAt(i) << 32) | (uint)uris[i];
            if (!byCodes.TryGetValue(key, out var code))
            {
                // Several URIs share a template: the first URI of each template numbers it.
                var text = methods[i] + " " + log.UriShapes[i];
                if (!byText.TryGetValue(text, out code))
                {
                    byText[text] = code = texts.Count;
                    texts.Add(text);
                }

                byCodes[key] = code;
            }

            codes[i] = code;
        }

        return new PatternAnalysis
        {
            Source = "request method and URI template", Field = null, Templates = texts, Codes = codes, Ticks = ticks, Lines = records.Lines, Options = options,
        };
    }

    /// <summary>A table's message-like text column, else its first free-text one.</summary>
    private static CsvColumn? DefaultColumn(CsvTable table) =>
        table.Columns.Where(c => c.Texts is not null && ColumnNames.MessageRank(c.Name) is not null).OrderBy(c => ColumnNames.MessageRank(c.Name)).FirstOrDefault()
        ?? table.Columns.FirstOrDefault(c => c.Texts is not null && c.Role == ColumnRole.Text);

    /// <summary>The columns whose text can be mined: every text column but the time and the label.</summary>
    private static string[] TextFields(CsvTable table) =>
        [.. table.Columns.Where(c => c.Texts is not null && c.Role is not (ColumnRole.Timestamp or ColumnRole.Label)).Select(c => c.Name)];

    private static CsvColumn Chosen(CsvTable table, string field)
    {
        var column = table.Columns.FirstOrDefault(c => string.Equals(c.Name, field, StringComparison.Ordinal))
            ?? table.Columns.FirstOrDefault(c => string.Equals(c.Name, field, StringComparison.OrdinalIgnoreCase));
        var texts = string.Join(", ", TextFields(table));
        if (column is null)
        {
            throw new InvalidInputException($"The pattern field '{field}' is not a field of the file. Its text fields: {texts}.");
        }

        if (column.Texts is null)
        {
            throw new InvalidInputException($"The pattern field '{column.Name}' holds numbers; patterns group text. Its text fields: {texts}.");
        }

        return column;
    }

    private static long[]? Ticks(int count, Func<int, DateTimeOffset?> timestamp)
    {
        var ticks = new long[count];
        var any = false;
        for (var i = 0; i < count; i++)
        {
            ticks[i] = timestamp(i) is { } t ? t.UtcTicks : long.MinValue;
            any |= ticks[i] != long.MinValue;
        }

        return any ? ticks : null;
    }
}

namespace AnomalyStudio.Core.Parsing.JsonLines;

/// <summary>
/// Reads JSON lines (one object per line) into a table through the same column typing as CSV: the columns are the
/// union of the flattened keys over the typing sample, in first-seen order. Keys first seen after the sample are left
/// out and named in a note, because the columns are typed once from the sample; lines that are not JSON objects are
/// skipped and reported by number. A record's template is its event type when a field gives one (<see cref="EventTypeTemplates"/>),
/// else the template mined from its message field (<see cref="LineLogs.MessageColumnMiner"/>).
/// </summary>
public sealed class JsonLinesReader
{
    /// <summary>How many late keys a note names before it only counts them.</summary>
    private const int NamedLateKeys = 5;

    public CsvTable Read(
        Stream content,
        ParseLimits? limits = null,
        IProgress<long>? rowsRead = null,
        CancellationToken cancellationToken = default)
    {
        limits ??= ParseLimits.Default;
        var skipped = new SkippedLines();
        var sample = new List<(List<JsonCell> Cells, long Line)>();
        JsonColumnSet? keys = null;
        TableColumns? columns = null;
        var cells = new List<JsonCell>();
        long rows = 0;
        long lastLine = 0;
        foreach (var line in TextLineReader.Lines(content, limits.MaxLineBytes))
        {
            lastLine = line.Number;
            if (line.Number % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                rowsRead?.Report(rows);
            }

            if (line.TooLong)
            {
                skipped.Add(line.Number, $"line is longer than {limits.MaxLineBytes:N0} bytes");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            if (!JsonObjectFlattener.TryFlatten(line.Text, cells, out var reason))
            {
                skipped.Add(line.Number, reason);
                continue;
            }

            if (++rows > limits.MaxRecords)
            {
                throw new InvalidInputException(
                    $"The file has more than {limits.MaxRecords:N0} records, the most one analysis accepts.", line.Number);
            }

            // Without a header, a record's row is its line: that is what the user finds in an editor.
            if (columns is null)
            {
                sample.Add(([.. cells], line.Number));
                if (sample.Count == CsvTableReader.TypingSampleRows)
                {
                    (keys, columns) = Create(sample, limits);
                }
            }
            else
            {
                columns.Add(keys!.Cells(cells), line.Number, line.Number);
            }
        }

        if (rows == 0)
        {
            throw skipped.Count == 0
                ? new InvalidInputException("The file has no JSON objects.")
                : new InvalidInputException(
                    $"None of the file's {skipped.Count:N0} lines is a JSON object. Line {skipped.Examples[0].LineNumber}: {skipped.Examples[0].Reason}.",
                    skipped.Examples[0].LineNumber);
        }

        if (columns is null)
        {
            (keys, columns) = Create(sample, limits);
        }

        rowsRead?.Report(rows);
        var table = columns.Build(',', skipped, lastLine);
        table.Notes.InsertRange(0, keys!.Notes(limits, NamedLateKeys));
        if (EventTypeTemplates.Find(table) is var (types, eventType))
        {
            table.Templates = types;
            table.TemplateField = eventType.Name;
            table.Notes.Add($"Templates taken from the '{eventType.Name}' field: {types.Templates.Count:N0} event type{(types.Templates.Count == 1 ? "" : "s")}.");
        }
        else if (LineLogs.MessageColumnMiner.Mine(table) is var (templates, message))
        {
            table.Templates = templates;
            table.TemplateField = message.Name;
            table.Notes.Add($"Templates mined from the '{message.Name}' field: {templates.Templates.Count:N0} template{(templates.Templates.Count == 1 ? "" : "s")}.");
        }

        return table;
    }

    private static (JsonColumnSet Keys, TableColumns Columns) Create(List<(List<JsonCell> Cells, long Line)> sample, ParseLimits limits)
    {
        var keys = new JsonColumnSet(limits.MaxColumns);
        foreach (var (cells, _) in sample)
        {
            keys.Collect(cells);
        }

        if (keys.Names.Length == 0)
        {
            throw new InvalidInputException($"The JSON objects on the first {sample.Count:N0} lines have no fields.", sample[0].Line);
        }

        var rows = sample.Select(s => (keys.Cells(s.Cells), s.Line, s.Line)).ToList();
        sample.Clear();
        return (keys, TableColumns.Create(keys.Names, rows));
    }
}

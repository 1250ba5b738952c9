using System.Globalization;
namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// Reads a line log into a table: each header line starts a record (timestamp, level, host, process, pid, …), its
/// message's template is mined with <see cref="DrainTemplateMiner"/>, and lines without the file's header (stack frames,
/// wrapped text) are joined to the message of the record above them, so one exception stays one record. Templates are
/// mined from the header line alone: a stack trace would make every message unique. Lines before the first header are
/// skipped and reported.
/// </summary>
public sealed class LineLogReader
{
    private readonly DrainOptions? _drain;
    private readonly int _firstYear;

    /// <param name="yearOfUndatedLog">
    /// The year given to dates that have none (BSD syslog's "Jun 14 15:16:01"). It is fixed rather than today's year
    /// so the same file always reads the same; the year moves on where the months go back (December to January).
    /// </param>
    public LineLogReader(DrainOptions? drain = null, int yearOfUndatedLog = LineLogHeaderParser.ProvisionalYear)
    {
        _drain = drain;
        _firstYear = yearOfUndatedLog;
    }

    public CsvTable Read(
        Stream content,
        LineLogShape shape,
        ParseLimits? limits = null,
        IProgress<long>? rowsRead = null,
        CancellationToken cancellationToken = default) =>
        Read(content, LineLogLayouts.Of(shape), limits, rowsRead, cancellationToken);

    /// <summary>Reads the lines with <paramref name="headerLayout"/>; a line without its header continues the record above.</summary>
    public CsvTable Read(
        Stream content,
        LineLogLayout headerLayout,
        ParseLimits? limits = null,
        IProgress<long>? rowsRead = null,
        CancellationToken cancellationToken = default)
    {
        limits ??= ParseLimits.Default;
        var skipped = new SkippedLines();
        var miner = new DrainTemplateMiner(_drain);
        var templateOfRow = new List<LogTemplate?>();
        var sample = new List<LineLogRecord>();
        var headerStrings = new TokenStrings();
        string[]? cells = null; // one row's cells, refilled for every row: the table keeps their values, not the array
        LineLogColumns? layout = null;
        TableColumns? columns = null;
        LineLogRecord? pending = null;
        var year = _firstYear;
        var lastMonth = 0;
        var undated = false;
        long records = 0;
        long continuations = 0;
        long lastLine = 0;

        void Flush(LineLogRecord record)
        {
            if (++records > limits.MaxRecords)
            {
                throw new InvalidInputException(
                    $"The file has more than {limits.MaxRecords:N0} records, the most one analysis accepts.", record.Line);
            }

            record.Template = miner.Add(record.Header.Message);
            templateOfRow.Add(record.Template);
            if (columns is null)
            {
                sample.Add(record);
                if (sample.Count == CsvTableReader.TypingSampleRows)
                {
                    (layout, columns) = Create(sample);
                }
            }
            else
            {
                cells ??= new string[layout!.Names.Length];
                layout!.Fill(record, cells);
                columns.Add(cells, record.Line, record.Line, record.Header.Timestamp);
            }
        }

        foreach (var line in TextLineReader.Lines(content, limits.MaxLineBytes))
        {
            lastLine = line.Number;
            if (line.Number % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                rowsRead?.Report(records);
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

            if (headerLayout.TryParse(line.Text, out var header, headerStrings))
            {
                if (header.YearMissing && header.Timestamp is { } provisional)
                {
                    undated = true;
                    if (lastMonth > 0 && provisional.Month < lastMonth - 6)
                    {
                        year++;
                    }

                    lastMonth = provisional.Month;
                    header = header with { Timestamp = InYear(provisional, year) };
                }

                if (pending is not null)
                {
                    Flush(pending);
                }

                pending = new LineLogRecord(header, line.Number);
            }
            else if (pending is null)
            {
                skipped.Add(line.Number, $"does not start with the file's {headerLayout.Description} and no record comes before it");
            }
            else if (pending.TryAppend(line.Text, limits.MaxLineBytes))
            {
                continuations++;
            }
            else
            {
                skipped.Add(line.Number, $"a continuation line past the {limits.MaxLineBytes:N0} characters one message may hold");
            }
        }

        if (pending is not null)
        {
            Flush(pending);
        }

        if (records == 0)
        {
            throw skipped.Count == 0
                ? new InvalidInputException("The file has no log lines.")
                : new InvalidInputException(
                    $"None of the file's {skipped.Count:N0} lines starts with a {headerLayout.Description}. Line {skipped.Examples[0].LineNumber}: {skipped.Examples[0].Reason}.",
                    skipped.Examples[0].LineNumber);
        }

        if (columns is null)
        {
            (layout, columns) = Create(sample);
        }

        rowsRead?.Report(records);
        // Tab-separated raw text: messages are full of spaces and commas, rarely of tabs, so few cells need quotes.
        var table = columns.Build('\t', skipped, lastLine);

        // A template keeps generalising as later lines differ from it, and ids are fixed once every line is in: each
        // row gets its template's final id and text.
        var templates = miner.Finish(templateOfRow);
        table.Templates = templates;
        table.TemplateField = LineLogColumns.MessageColumn;
        var ids = table.Columns[layout!.TemplateIdIndex].Texts!;
        var texts = table.Columns[layout.TemplateIndex].Texts!;
        for (var row = 0; row < texts.Length; row++)
        {
            ids[row] = templates[row]!.Id;
            texts[row] = templates[row]!.Text;
        }

        var joined = continuations == 0 ? string.Empty : $", {continuations:N0} continuation line{(continuations == 1 ? "" : "s")} joined to the record above";
        table.Notes.Add($"Read as a line log ({headerLayout.Description}): {records:N0} lines, {templates.Templates.Count:N0} template{(templates.Templates.Count == 1 ? "" : "s")}{joined}.");
        ChooseActor(table, layout.Parameters);
        if (undated)
        {
            table.Notes.Add($"The log's dates have no year: they were read as {_firstYear}, moving to the next year where the months go back.");
        }

        return table;
    }

    /// <summary>A kind of parameter names the log's actors when at least this share of its records carries it.</summary>
    public const double ActorShare = 0.3;

    /// <summary>
    /// The column that best names the log's actors: the first of <see cref="MessageParameters.Kinds"/> (a session, then a
    /// client address, a user, a host; a path is no actor) that at least <see cref="ActorShare"/> of the records carry,
    /// else the header's client, else the actor kind most records carry (at least one in twenty); never a pid or a row
    /// number. The note says which, so a user can ask for another.
    /// </summary>
    private static void ChooseActor(CsvTable table, IReadOnlyList<string> parameters)
    {
        double Share(string name) => (double)table.Columns.First(c => c.Name == name).Texts!.Count(t => t is not null) / Math.Max(1, table.RowCount);
        var candidates = parameters.Where(kind => kind != MessageParameters.Path).Select(kind => (Kind: kind, Share: Share(kind))).ToList();
        var chosen = candidates.FirstOrDefault(c => c.Share >= ActorShare);
        if (chosen.Kind is null && table.Columns.Any(c => c.Name == "client"))
        {
            chosen = ("client", Share("client"));
        }

        if (chosen.Kind is null && candidates.Count > 0 && candidates.MaxBy(c => c.Share) is { Share: >= 0.05 } most)
        {
            chosen = most;
        }

        if (chosen.Kind is null)
        {
            table.IdentifierNamesEntities = false; // a pid names a process, not an actor
            return;
        }

        table.Actor = chosen.Kind;
        var others = parameters.Where(p => p != chosen.Kind).ToList();
        table.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"Actors: '{chosen.Kind}' names the records and groups entities ({chosen.Share:0%} of the lines carry one){(others.Count == 0 ? "" : $"; also columns from the messages: {string.Join(", ", others)}")}."));
    }

    private static (LineLogColumns Layout, TableColumns Columns) Create(List<LineLogRecord> sample)
    {
        var layout = new LineLogColumns(sample);
        var rows = sample.Select(r => (layout.Cells(r), r.Line, r.Line)).ToList();
        return (layout, TableColumns.Create(layout.Names, rows, layout.Presets));
    }

    private static DateTimeOffset InYear(DateTimeOffset provisional, int year)
    {
        var day = provisional.Month == 2 && provisional.Day == 29 && !DateTime.IsLeapYear(year) ? 28 : provisional.Day;
        return new DateTimeOffset(year, provisional.Month, day, 0, 0, 0, TimeSpan.Zero) + provisional.TimeOfDay;
    }
}

namespace AnomalyStudio.Core.Parsing;

/// <summary>A parsed CSV file: typed columns, the roles found for them, and the rows that were skipped.</summary>
public sealed class CsvTable
{
    public required char Delimiter { get; init; }

    public required IReadOnlyList<CsvColumn> Columns { get; init; }

    public required int RowCount { get; init; }

    /// <summary>Physical 1-based line on which each data row starts (the header is line 1).</summary>
    public required long[] LineNumbers { get; init; }

    /// <summary>Data row number of each row (1-based, header excluded, counting skipped rows too).</summary>
    public required long[] RowNumbers { get; init; }

    public required SkippedLines Skipped { get; init; }

    public required long TotalLines { get; init; }

    /// <summary>Parsed timestamp per row when a timestamp column was found.</summary>
    public DateTimeOffset?[]? Timestamps { get; init; }

    /// <summary>The mined template of each row, when the reader mined its messages (a line log, JSON lines with a message).</summary>
    public LineLogs.RecordTemplates? Templates { get; set; }

    /// <summary>The field <see cref="Templates"/> were mined or taken from (a line log's message, a JSON event type); null without templates.</summary>
    public string? TemplateField { get; set; }

    /// <summary>How the reader read the file, for the user (which format, how many fields or templates, what it left out).</summary>
    public List<string> Notes { get; } = [];

    public CsvColumn? TimestampColumn => Columns.FirstOrDefault(c => c.Role == ColumnRole.Timestamp);

    /// <summary>
    /// The column that names records: the one the reader chose as the actor (<see cref="Actor"/>), else of the identifier
    /// columns the one whose header ranks best as a name (an IP before a PID).
    /// </summary>
    public CsvColumn? IdentifierColumn => (_identifier ??= new Lazy<CsvColumn?>(() =>
        (Actor is { } actor ? Columns.FirstOrDefault(c => c.Name == actor) : null)
        ?? Columns
            .Where(c => c.Role == ColumnRole.Identifier)
            .OrderBy(c => ColumnNames.IdentifierRank(c.Name) ?? int.MaxValue)
            .FirstOrDefault())).Value;

    /// <summary>
    /// The column a reader chose as the file's actor (a line log's client, user, block …), which names records and groups
    /// entities by default; null when the reader made no choice.
    /// </summary>
    public string? Actor { get; set; }

    /// <summary>False when the reader found no actor and the identifier columns left (a pid) must not group entities by default.</summary>
    public bool IdentifierNamesEntities { get; set; } = true;

    private Lazy<CsvColumn?>? _identifier;

    public CsvColumn? LabelColumn => Columns.FirstOrDefault(c => c.Role == ColumnRole.Label);

    public IEnumerable<CsvColumn> NumericFeatureColumns => Columns.Where(c => c.Role == ColumnRole.Numeric);

    public IEnumerable<CsvColumn> CategoricalColumns => Columns.Where(c => c.Role == ColumnRole.Categorical);

    /// <summary>
    /// The same table with other columns (the same rows: a column's role changed), keeping everything the reader decided
    /// (timestamps, templates, actor, notes).
    /// </summary>
    public CsvTable WithColumns(IReadOnlyList<CsvColumn> columns)
    {
        var copy = new CsvTable
        {
            Delimiter = Delimiter, Columns = columns, RowCount = RowCount, LineNumbers = LineNumbers, RowNumbers = RowNumbers,
            Skipped = Skipped, TotalLines = TotalLines, Timestamps = Timestamps, Templates = Templates, TemplateField = TemplateField,
            Actor = Actor, IdentifierNamesEntities = IdentifierNamesEntities,
        };
        copy.Notes.AddRange(Notes);
        return copy;
    }

    /// <summary>The record's identifier: the identifier column's value, else "row N".</summary>
    public string Identifier(int row) =>
        IdentifierColumn is { } id && id.Display(row) is { Length: > 0 } value ? value : $"row {RowNumbers[row]}";
}

namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// Mines the templates of a table's message field (JSON lines with a <c>message</c>, <c>msg</c>, <c>log</c>, … field), so
/// such records carry a template id and text as line-log records do. Rows without a message get no template.
/// </summary>
public static class MessageColumnMiner
{
    /// <summary>The templates of <paramref name="table"/>'s message column, and that column; null when it has none.</summary>
    public static (RecordTemplates Templates, CsvColumn Column)? Mine(CsvTable table, DrainOptions? options = null)
    {
        var column = table.Columns
            .Where(c => c.Texts is not null && ColumnNames.MessageRank(c.Name) is not null)
            .OrderBy(c => ColumnNames.MessageRank(c.Name))
            .FirstOrDefault();
        if (column is null)
        {
            return null;
        }

        return MineColumn(column, options) is { } templates ? (templates, column) : null;
    }

    /// <summary>The templates of a text column (any one: a chosen field); null when every row is empty.</summary>
    public static RecordTemplates? MineColumn(CsvColumn column, DrainOptions? options = null)
    {
        var miner = new DrainTemplateMiner(options);
        var texts = column.Texts ?? throw new ArgumentException($"Column '{column.Name}' holds numbers, not text.", nameof(column));
        var groups = new LogTemplate?[texts.Length];
        for (var row = 0; row < texts.Length; row++)
        {
            groups[row] = string.IsNullOrWhiteSpace(texts[row]) ? null : miner.Add(texts[row]!);
        }

        return groups.Any(g => g is not null) ? miner.Finish(groups) : null;
    }
}

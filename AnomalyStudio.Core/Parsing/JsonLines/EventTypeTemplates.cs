using AnomalyStudio.Core.Parsing.LineLogs;

namespace AnomalyStudio.Core.Parsing.JsonLines;

/// <summary>
/// Takes a JSON log's event-type field as its records' templates: Cowrie's <c>eventid</c> (<c>cowrie.login.failed</c>),
/// ECS's <c>event.action</c>, a <c>type</c> or <c>action</c>. The writer of the log has grouped the records already, and
/// its groups are the events an analyst knows, so they are preferred to templates mined from a message field, which
/// would split one event by its free text (Cowrie's "login attempt [root/123456] failed"). A field counts when its name
/// is one of <see cref="ColumnNames.EventTypeNames"/>, most records have it and it has few values for the rows.
/// </summary>
public static class EventTypeTemplates
{
    /// <summary>At most this many distinct event types, and at most one for every ten rows (at least 10 are allowed).</summary>
    public const int MaxTypes = 500;

    /// <summary>The templates of <paramref name="table"/>'s event-type column, and that column; null when it has none.</summary>
    public static (RecordTemplates Templates, CsvColumn Column)? Find(CsvTable table)
    {
        var limit = Math.Min(MaxTypes, Math.Max(10, table.RowCount / 10));
        var column = table.Columns
            .Where(c => c.Texts is not null && ColumnNames.EventTypeRank(c.Name) is not null && c.Role is not (ColumnRole.Label or ColumnRole.Timestamp))
            .OrderBy(c => ColumnNames.EventTypeRank(c.Name))
            .FirstOrDefault(c => IsEventType(c, table.RowCount, limit));
        if (column is null)
        {
            return null;
        }

        var byValue = new Dictionary<string, LogTemplate>(StringComparer.Ordinal);
        var groups = new LogTemplate?[table.RowCount];
        for (var row = 0; row < groups.Length; row++)
        {
            if (column.Texts![row] is not { Length: > 0 } value)
            {
                continue;
            }

            if (byValue.TryGetValue(value, out var template))
            {
                template.Merge([value]);
            }
            else
            {
                byValue[value] = template = new LogTemplate(byValue.Count, [value]);
            }

            groups[row] = template;
        }

        return (RecordTemplates.Number(groups), column);
    }

    private static bool IsEventType(CsvColumn column, int rows, int limit)
    {
        var present = column.Texts!.Count(t => !string.IsNullOrEmpty(t));
        return present >= rows * 0.5 && column.Texts!.Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.Ordinal).Take(limit + 1).Count() <= limit;
    }
}

using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Entities;

/// <summary>
/// The entities of every table-shaped format (CSV, JSON lines, a line log): its rows grouped by the chosen identifier
/// column, or the one <see cref="TableEntityProfiler.EntityColumn"/> prefers, with their event sequences.
/// </summary>
public sealed class TableEntitySource(CsvTable table) : IEntitySource
{
    public IReadOnlyList<string> Columns { get; } = table.Columns.Where(c => c.Role == ColumnRole.Identifier).Select(c => c.Name).ToArray();

    public EntityGroups? Group(EntityOptions options, Severity[] severities, CancellationToken cancellationToken = default)
    {
        if (TableEntityProfiler.EntityColumn(table, options) is not { } column)
        {
            return null;
        }

        var (index, profiles) = TableEntityProfiler.Profile(table, column, severities, cancellationToken);
        return new EntityGroups(
            EntityKind.Identifier, index, profiles, column.Name, TableEntityProfiler.TargetColumn(table, column)?.Name, SessionEvents.Of(table, column, index));
    }
}

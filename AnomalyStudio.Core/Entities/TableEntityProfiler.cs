using AnomalyStudio.Core.Features.Text;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Entities;

/// <summary>
/// Groups a table's rows (CSV, JSON lines, a line log) by its identifier column, the detected one or the one asked
/// for, and measures each entity: rows, peak rows per minute when there are timestamps, distinct values of the main
/// text or category column (its "targets"), WARN and ERROR-or-worse rows, rows with attack tokens in a URL-like text
/// column, failed logins in its text or event columns (<see cref="AuthFailure"/>), and how many of its rows the
/// record-level model found anomalous.
/// </summary>
public static class TableEntityProfiler
{
    /// <summary>The key of the records that carry no value of the entity column: listed, never scored as an actor.</summary>
    public const string NoValue = "(none)";

    /// <summary>The column entities come from: the one named in the options, else the detected identifier; null when there is none.</summary>
    public static CsvColumn? EntityColumn(CsvTable table, EntityOptions options)
    {
        if (options.Column is not { } name)
        {
            return table.Actor is not null || table.IdentifierNamesEntities ? table.IdentifierColumn : null;
        }

        return table.Columns.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidInputException(
                $"There is no column '{name}' to group entities by. The columns are: {string.Join(", ", table.Columns.Select(c => c.Name))}.");
    }

    /// <summary>The column whose distinct values an entity's breadth is counted in: the first text column, else the first category.</summary>
    public static CsvColumn? TargetColumn(CsvTable table, CsvColumn entity) =>
        table.Columns.FirstOrDefault(c => c.Role == ColumnRole.Text && c != entity && c.Texts is not null)
        ?? table.Columns.FirstOrDefault(c => c.Role == ColumnRole.Categorical && c != entity && c.Texts is not null);

    public static (EntityIndex Index, EntityProfile[] Profiles) Profile(CsvTable table, CsvColumn column, Severity[] severities, CancellationToken cancellationToken = default)
    {
        var n = table.RowCount;
        var ids = new TextIds();
        var ofRecord = new int[n];
        for (var i = 0; i < n; i++)
        {
            ofRecord[i] = ids.Of(column.Display(i) is { Length: > 0 } value ? value : NoValue);
        }

        var index = new EntityIndex(ids.Texts, ofRecord);
        var target = TargetColumn(table, column);
        var (targets, targetTexts) = target is null ? ([], []) : TextIds.Encode(target.Texts!, "(missing)");
        var level = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.Level);
        var payloadText = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.Text && c.Texts is not null && IsUrlLike(c));
        var payload = new bool[n];
        if (payloadText is not null)
        {
            MarkRows(payloadText.Texts!, text => PayloadTokens.Count(TextContent.Decode(text)) >= 2, payload);
        }

        var loginFailed = LoginFailures(table, column);
        var profiles = new EntityProfile[index.Count];
        Parallel.For(
            0,
            index.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => (Targets: new Dictionary<int, int>(), Minutes: new List<long>()),
            (entity, state, scratch) =>
            {
                var rows = index.Records(entity);
                scratch.Targets.Clear();
                scratch.Minutes.Clear();
                int warnings = 0, errors = 0, attacks = 0, anomalous = 0, logins = 0;
                long first = long.MaxValue, last = long.MinValue;
                foreach (var i in rows)
                {
                    if (target is not null)
                    {
                        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(scratch.Targets, targets[i], out _)++;
                    }

                    var rank = level is null ? LogLevels.Unknown : LogLevels.Rank(level.Texts![i]);
                    warnings += rank == 2 ? 1 : 0;
                    errors += rank >= 3 ? 1 : 0;
                    attacks += payload[i] ? 1 : 0;
                    logins += loginFailed[i] ? 1 : 0;
                    anomalous += severities[i] == Severity.Normal ? 0 : 1;
                    if (table.Timestamps?[i] is { } time)
                    {
                        first = Math.Min(first, time.UtcTicks);
                        last = Math.Max(last, time.UtcTicks);
                        scratch.Minutes.Add(time.UtcTicks / TimeSpan.TicksPerMinute);
                    }
                }

                var (active, peak) = MinuteCounts.Of(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scratch.Minutes));
                var (top, topCount) = scratch.Targets.Count == 0 ? (0, 0) : TopCount.Of(scratch.Targets);
                var timed = scratch.Minutes.Count > 0;
                profiles[entity] = new EntityProfile
                {
                    Key = index.Keys[entity],
                    Records = rows.Length,
                    FirstSeen = timed ? new DateTimeOffset(first, TimeSpan.Zero) : null,
                    LastSeen = timed ? new DateTimeOffset(last, TimeSpan.Zero) : null,
                    ActiveMinutes = active,
                    PeakPerMinute = peak,
                    DistinctTargets = scratch.Targets.Count,
                    TopTarget = scratch.Targets.Count == 0 ? null : targetTexts[top],
                    TopTargetCount = topCount,
                    ClientErrors = warnings,
                    ServerErrors = errors,
                    PayloadRecords = attacks,
                    AuthFailures = logins,
                    AnomalousRecords = anomalous,
                };
                return scratch;
            },
            _ => { });
        return (index, profiles);
    }

    /// <summary>Rows whose text or event columns say a login failed; each distinct value is matched once.</summary>
    private static bool[] LoginFailures(CsvTable table, CsvColumn entity)
    {
        var failed = new bool[table.RowCount];
        foreach (var column in table.Columns.Where(c => c != entity && c.Texts is not null && c.Role is ColumnRole.Text or ColumnRole.Categorical))
        {
            MarkRows(column.Texts!, AuthFailure.In, failed);
        }

        return failed;
    }

    /// <summary>
    /// Marks the rows whose text passes <paramref name="test"/> (rows marked already stay marked). Texts are interned, so
    /// each distinct one is tested once, found by reference.
    /// </summary>
    private static void MarkRows(string?[] texts, Func<string, bool> test, bool[] marks)
    {
        var cache = new Dictionary<string, bool>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < marks.Length; i++)
        {
            if (!marks[i] && texts[i] is { } text)
            {
                if (!cache.TryGetValue(text, out var passes))
                {
                    passes = test(text);
                    cache[text] = passes;
                }

                marks[i] = passes;
            }
        }
    }

    private static bool IsUrlLike(CsvColumn column)
    {
        var sample = column.Texts!.Where(t => t is not null).Take(200).ToList();
        return sample.Count > 0 && sample.Count(t => t!.StartsWith('/') || t.Contains("://", StringComparison.Ordinal) || t.Contains('?', StringComparison.Ordinal)) * 2 >= sample.Count;
    }
}

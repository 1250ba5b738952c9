namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Finds columns that repeat the label (an <c>attack_type</c> that is <c>normal</c> exactly where the label is 0): every
/// one of their few values belongs to one class only. Learning from such a column finds the answer in the question, so
/// it is left out of the features, with a note.
/// </summary>
public static class LabelLeaks
{
    /// <summary>A leaking column has at most this many distinct values (and at most a tenth of the rows): more would be an identifier.</summary>
    public const int MaxValues = 50;

    /// <summary>The names of the columns of <paramref name="table"/> that are a function of <paramref name="labels"/>.</summary>
    public static IReadOnlyList<CsvColumn> Find(CsvTable table, bool[] labels)
    {
        if (!labels.Contains(true) || !labels.Contains(false))
        {
            return [];
        }

        return [.. table.Columns.Where(c => c.Role is ColumnRole.Categorical or ColumnRole.Level or ColumnRole.Text or ColumnRole.Numeric && RepeatsLabel(c, labels, table.RowCount))];
    }

    /// <summary>The table with <paramref name="leaks"/> marked <see cref="ColumnRole.LabelDerived"/>, so no feature reads them.</summary>
    public static CsvTable Exclude(CsvTable table, IReadOnlyList<CsvColumn> leaks)
    {
        if (leaks.Count == 0)
        {
            return table;
        }

        var copy = table.WithColumns([.. table.Columns.Select(c => leaks.Contains(c) ? new CsvColumn(c.Name, ColumnRole.LabelDerived, c.Numbers, c.Texts) : c)]);
        copy.Notes.Add($"{(leaks.Count == 1 ? "Column" : "Columns")} {string.Join(", ", leaks.Select(c => $"'{c.Name}'"))} {(leaks.Count == 1 ? "repeats" : "repeat")} the label (each value belongs to one class only), so {(leaks.Count == 1 ? "it is" : "they are")} left out of the features.");
        return copy;
    }

    private static bool RepeatsLabel(CsvColumn column, bool[] labels, int rows)
    {
        var classOf = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var i = 0; i < rows; i++)
        {
            var value = column.Texts is { } texts ? texts[i] ?? string.Empty : column.Display(i);
            if (classOf.TryGetValue(value, out var label))
            {
                if (label != labels[i])
                {
                    return false;
                }
            }
            else
            {
                if (classOf.Count >= MaxValues || classOf.Count >= Math.Max(2, rows / 10))
                {
                    return false;
                }

                classOf[value] = labels[i];
            }
        }

        return classOf.Count >= 2;
    }
}

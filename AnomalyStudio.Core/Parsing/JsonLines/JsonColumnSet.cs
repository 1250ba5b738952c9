namespace AnomalyStudio.Core.Parsing.JsonLines;

/// <summary>
/// The columns of a JSON-lines table: flattened keys in first-seen order, capped at the column limit, with names made
/// unique ignoring case as CSV headers are ("Level" and "level" become "Level" and "level_2"). Once the sample has
/// fixed them, a record's cells are laid out in that order and keys seen only later are counted.
/// </summary>
internal sealed class JsonColumnSet(int maxColumns)
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _ordered = [];
    private readonly List<string> _late = [];
    private readonly HashSet<string> _lateSeen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _overCap = new(StringComparer.Ordinal);
    private string[]? _fixed;
    private int _nested;

    public string[] Names => _fixed ??= [.. _ordered];

    public void Collect(List<JsonCell> cells)
    {
        foreach (var cell in cells)
        {
            if (_index.ContainsKey(cell.Key) || _overCap.Contains(cell.Key))
            {
                continue;
            }

            if (_ordered.Count >= maxColumns)
            {
                _overCap.Add(cell.Key);
                continue;
            }

            var unique = cell.Key;
            for (var n = 2; !_names.Add(unique); n++)
            {
                unique = $"{cell.Key}_{n}";
            }

            _index[cell.Key] = _ordered.Count;
            _ordered.Add(unique);
            _nested += cell.Nested ? 1 : 0;
        }
    }

    /// <summary>The record's cells in column order, empty (missing) where it lacks a key; a repeated key's last value wins.</summary>
    public string[] Cells(List<JsonCell> cells)
    {
        var row = new string[Names.Length];
        Array.Fill(row, string.Empty);
        foreach (var cell in cells)
        {
            if (_index.TryGetValue(cell.Key, out var column))
            {
                row[column] = cell.Value;
            }
            else if (!_overCap.Contains(cell.Key) && _lateSeen.Count < 10_000 && _lateSeen.Add(cell.Key))
            {
                _late.Add(cell.Key);
            }
        }

        return row;
    }

    public IEnumerable<string> Notes(ParseLimits limits, int namedLateKeys)
    {
        var nested = _nested == 0 ? string.Empty : $" ({_nested:N0} nested flattened)";
        yield return $"Read as JSON lines: {Names.Length:N0} field{(Names.Length == 1 ? "" : "s")}{nested}.";
        if (_overCap.Count > 0)
        {
            yield return $"{_overCap.Count:N0} more fields were left out: at most {limits.MaxColumns:N0} columns are read (AnomalyStudio:MaxColumns).";
        }

        if (_late.Count > 0)
        {
            var named = string.Join(", ", _late.Take(namedLateKeys));
            var more = _late.Count > namedLateKeys ? ", …" : string.Empty;
            yield return $"{_late.Count:N0} field{(_late.Count == 1 ? " was" : "s were")} first seen after the first {CsvTableReader.TypingSampleRows:N0} records and not read: {named}{more}.";
        }
    }
}

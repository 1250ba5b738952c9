namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Column builders for a table read row by row as text cells (CSV, JSON lines, mined line logs): typed once from the
/// first rows, then filled. A reader may preset the role of the columns it knows (a line log knows its level and message).
/// </summary>
internal sealed class TableColumns
{
    private readonly string[] _names;
    private readonly ColumnRole[] _roles;
    private readonly List<double>?[] _numbers;
    private readonly List<string?>?[] _texts;
    private readonly StringPool?[] _pools;
    private readonly string?[] _lastCells;
    private readonly string?[] _lastTexts;
    private readonly int _timestampIndex;
    private readonly bool _numericTimestamp;
    private readonly List<DateTimeOffset?>? _timestamps;
    private readonly List<long> _lines = [];
    private readonly List<long> _rows = [];
    private readonly List<string> _notes = [];

    private TableColumns(string[] names, ColumnRole[] roles, bool[] numeric, int timestampIndex)
    {
        _names = names;
        _roles = roles;
        _timestampIndex = timestampIndex;
        _numericTimestamp = timestampIndex >= 0 && numeric[timestampIndex];
        _timestamps = timestampIndex >= 0 ? [] : null;
        _numbers = new List<double>?[names.Length];
        _texts = new List<string?>?[names.Length];
        _pools = new StringPool?[names.Length];
        _lastCells = new string?[names.Length];
        _lastTexts = new string?[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            if (numeric[i] && roles[i] != ColumnRole.Label && roles[i] != ColumnRole.Identifier)
            {
                _numbers[i] = [];
            }
            else
            {
                _texts[i] = [];
                _pools[i] = new StringPool(100_000);
            }
        }
    }

    /// <param name="presets">Roles the reader already knows, by column name; the other columns are typed from the sample.</param>
    public static TableColumns Create(
        string[] names, List<(string[] Cells, long Line, long Row)> sample, IReadOnlyDictionary<string, ColumnRole>? presets = null)
    {
        var n = names.Length;
        var roles = new ColumnRole[n];
        var numeric = new bool[n];
        var timestamp = -1;
        var label = Enumerable.Range(0, n)
            .Where(c => ColumnNames.LabelRank(names[c]) is not null && presets?.ContainsKey(names[c]) != true)
            .OrderBy(c => ColumnNames.LabelRank(names[c]))
            .DefaultIfEmpty(-1)
            .First();
        var present = Enumerable.Range(0, n).Select(c => sample.Select(s => s.Cells[c]).Where(v => !CsvTableReader.IsMissing(v)).ToList()).ToArray();
        for (var c = 0; c < n; c++)
        {
            numeric[c] = present[c].Count > 0 && present[c].Count(v => CsvTableReader.TryNumber(v, out _)) >= present[c].Count * CsvTableReader.NumericShare;
        }

        var timePreset = presets?.Values.Contains(ColumnRole.Timestamp) == true;
        var (chosenTime, timeNote) = timePreset
            ? (-1, null)
            : TimestampColumnChoice.Choose(names, c => c != label && presets?.ContainsKey(names[c]) != true, numeric, c => present[c]);
        for (var c = 0; c < n; c++)
        {
            var values = present[c];
            var numbers = values.Select(v => CsvTableReader.TryNumber(v, out var d) ? d : (double?)null).ToList();
            roles[c] = numeric[c] ? ColumnRole.Numeric : ColumnRole.Categorical;
            if (presets is not null && presets.TryGetValue(names[c], out var preset))
            {
                roles[c] = preset;
                numeric[c] &= preset is ColumnRole.Numeric or ColumnRole.Timestamp or ColumnRole.RowCounter;
                if (preset == ColumnRole.Timestamp && timestamp < 0)
                {
                    timestamp = c;
                }

                continue;
            }


            if (c == label)
            {
                roles[c] = ColumnRole.Label;
                continue;
            }

            if (c == chosenTime && timestamp < 0)
            {
                timestamp = c;
                roles[c] = ColumnRole.Timestamp;
                continue;
            }

            if (numeric[c] && IsRowCounter(numbers))
            {
                roles[c] = ColumnRole.RowCounter;
            }
            else if (numeric[c] && ColumnNames.IsNumericIdentifier(names[c]))
            {
                roles[c] = ColumnRole.Identifier; // a PID or line number names something; it measures nothing
            }
            else if (numeric[c] && ColumnNames.IsNumericCategory(names[c]))
            {
                roles[c] = ColumnRole.Categorical; // port 4444 is not "more" than port 443: a rare one is the signal
                numeric[c] = false;
            }
            else if (numeric[c] && (ColumnNames.HasTimestampHint(names[c]) || ColumnNames.IsDatePart(names[c])))
            {
                roles[c] = ColumnRole.Categorical; // a date or time part (HDFS's 081109, 203615): not a measurement
                numeric[c] = false;
            }
            else if (!numeric[c] && values.Count > 0)
            {
                roles[c] = IsLevel(values) ? ColumnRole.Level : IsText(names[c], values) ? ColumnRole.Text : ColumnRole.Categorical;
            }
        }

        var identifier = Enumerable.Range(0, n)
            .Where(c => roles[c] is ColumnRole.Categorical or ColumnRole.Numeric or ColumnRole.RowCounter && presets?.ContainsKey(names[c]) != true)
            .Select(c => (Column: c, Rank: ColumnNames.IdentifierRank(names[c])))
            .Where(x => x.Rank.HasValue)
            .OrderBy(x => x.Rank)
            .Select(x => x.Column)
            .DefaultIfEmpty(-1)
            .First();
        if (identifier >= 0)
        {
            roles[identifier] = ColumnRole.Identifier;
        }

        var columns = new TableColumns(names, roles, numeric, timestamp);
        if (timeNote is not null)
        {
            columns._notes.Add(timeNote);
        }

        foreach (var (cells, line, row) in sample)
        {
            columns.Add(cells, line, row);
        }

        return columns;
    }

    /// <summary>Nearly every value is a log-level word (INFO, WARN, ERROR, FATAL …).</summary>
    private static bool IsLevel(List<string> values) => values.Count(v => LogLevels.IsLevel(v)) >= values.Count * 0.95;

    /// <summary>
    /// Free text whose content matters: a column named like one (url, body, message, user agent …), or values that are
    /// mostly URLs or paths, or long, varied, spaced text. Template and event columns stay categories: their values
    /// are already shapes.
    /// </summary>
    private static bool IsText(string name, List<string> values)
    {
        if (ColumnNames.IsCategoryName(name))
        {
            return false;
        }

        if (ColumnNames.HasTextHint(name))
        {
            return true;
        }

        if (values.Count(v => v.StartsWith('/') || v.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || v.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) >= values.Count * 0.5)
        {
            return true;
        }

        var distinct = values.Distinct(StringComparer.Ordinal).Count();
        return values.Average(v => v.Length) >= 32 && values.Count(v => v.Contains(' ', StringComparison.Ordinal)) >= values.Count * 0.5 && distinct > values.Count * 0.2;
    }

    private static bool IsRowCounter(List<double?> numbers)
    {
        if (numbers.Count < 3 || numbers.Any(d => !d.HasValue || d.Value != Math.Floor(d.Value)))
        {
            return false;
        }

        for (var i = 1; i < numbers.Count; i++)
        {
            if (numbers[i]!.Value != numbers[i - 1]!.Value + 1)
            {
                return false;
            }
        }

        return true;
    }

    public void Add(string[] cells, long line, long row) => Add(cells, line, row, null, parsed: false);

    /// <summary>Whether column <paramref name="c"/> is stored as numbers, so a reader may parse its cells itself.</summary>
    public bool StoresNumbers(int c) => _numbers[c] is not null;

    /// <summary>
    /// Adds a CSV row whose numeric cells the reader may have parsed from the bytes already (<see cref="CsvRowCells"/>):
    /// those are stored as they are, every other cell as <see cref="Add(string[], long, long)"/> stores it.
    /// </summary>
    public void Add(CsvRowCells cells, long line, long row)
    {
        _lines.Add(line);
        _rows.Add(row);
        for (var c = 0; c < _names.Length; c++)
        {
            if (cells.TryNumber(c, out var number))
            {
                _numbers[c]!.Add(number);
            }
            else
            {
                AddCell(c, cells.Text(c));
            }
        }

        if (_timestamps is not null)
        {
            _timestamps.Add(cells.TryNumber(_timestampIndex, out var number)
                ? _numericTimestamp && CsvTableReader.TryEpoch(number, out var epoch) ? epoch : null
                : ParseTimestamp(cells.Text(_timestampIndex)));
        }
    }

    /// <summary>
    /// Adds a row whose time the reader has parsed already (a line log's header gives it), so the timestamp cell, which
    /// only shows it, is not parsed again: parsing it back took about a microsecond a row.
    /// </summary>
    public void Add(string[] cells, long line, long row, DateTimeOffset? timestamp) => Add(cells, line, row, timestamp, parsed: true);

    private void Add(string[] cells, long line, long row, DateTimeOffset? timestamp, bool parsed)
    {
        _lines.Add(line);
        _rows.Add(row);
        for (var c = 0; c < cells.Length; c++)
        {
            AddCell(c, cells[c]);
        }

        if (_timestamps is not null && parsed)
        {
            _timestamps.Add(timestamp);
        }
        else if (_timestamps is not null)
        {
            _timestamps.Add(ParseTimestamp(cells[_timestampIndex]));
        }
    }

    private void AddCell(int c, string value)
    {
        if (_numbers[c] is { } numbers)
        {
            numbers.Add(!CsvTableReader.IsMissing(value) && CsvTableReader.TryNumber(value, out var d) ? d : double.NaN);
        }
        else if (_lastCells[c] is { } last && string.Equals(value, last, StringComparison.Ordinal))
        {
            _texts[c]!.Add(_lastTexts[c]); // the cell above again (a log's level, its second): no lookup
        }
        else
        {
            var text = CsvTableReader.IsMissing(value) && _roles[c] != ColumnRole.Label ? null : _pools[c]!.GetTrimmed(value);
            (_lastCells[c], _lastTexts[c]) = (value, text);
            _texts[c]!.Add(text);
        }
    }

    private DateTimeOffset? ParseTimestamp(string value) =>
        !CsvTableReader.IsMissing(value) && CsvTableReader.TryTimestamp(value, _numericTimestamp, out var t) ? t : null;

    public CsvTable Build(char delimiter, SkippedLines skipped, long totalLines)
    {
        var columns = new List<CsvColumn>(_names.Length);
        for (var c = 0; c < _names.Length; c++)
        {
            columns.Add(new CsvColumn(_names[c], _roles[c], _numbers[c]?.ToArray(), _texts[c]?.ToArray()));
        }

        var table = new CsvTable
        {
            Delimiter = delimiter,
            Columns = columns,
            RowCount = _lines.Count,
            LineNumbers = [.. _lines],
            RowNumbers = [.. _rows],
            Skipped = skipped,
            TotalLines = totalLines,
            Timestamps = _timestamps?.ToArray(),
        };
        table.Notes.AddRange(_notes);
        return table;
    }
}

using System.Runtime.CompilerServices;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Features;

/// <summary>
/// Finds the cumulative counters of a timed table (<c>requests_total</c>, <c>bytes_sent</c>, an event count) and gives
/// each as its growth per record. A counter's level only says how long the process has run, so "5,075 is 4.2σ above
/// typical" is noise, while a burst of 412 requests in one scrape is the signal: the growth is what gets scored.
/// A counter is a numeric column that, in time order, almost never goes down (at least <see cref="NonDecreasingShare"/>
/// of its steps; the rest are resets, after which the new value is the growth, as Prometheus's <c>increase()</c> takes
/// it) and takes many values. Its name (total, count, bytes …) lowers how many values it needs, but is not required.
/// When several series share the file (a metrics file of several instances), a counter is followed within each,
/// told apart by the identifier column or an <c>instance</c>, <c>host</c>, <c>job</c> … column. Only a table with a
/// time column is searched: without one the rows need not be in time order (ODDS's tables are not), and a column
/// sorted by the file's author would pass for a counter.
/// </summary>
public static class CounterColumns
{
    public const double NonDecreasingShare = 0.95;

    /// <summary>A counter's values cover at least this share of the rows.</summary>
    public const double PresentShare = 0.9;

    // A table's counters, found once: the preparation's features and notes and the time series' metrics all ask for them.
    private static readonly ConditionalWeakTable<CsvTable, IReadOnlyList<(CsvColumn Counter, double[] Growth)>> Found = [];

    /// <summary>
    /// The counters of <paramref name="table"/>, each with its growth per record (the first record's is the typical
    /// growth); empty without a time column. Found once per table; the growth arrays are shared, not to be written.
    /// </summary>
    public static IReadOnlyList<(CsvColumn Counter, double[] Growth)> Find(CsvTable table) => Found.GetValue(table, Search);

    private static IReadOnlyList<(CsvColumn Counter, double[] Growth)> Search(CsvTable table)
    {
        // Without a numeric column (a line log's table) there is nothing to test, and the rows need no sort by time.
        if (table.Timestamps is not { } times || table.RowCount < 10 || !table.NumericFeatureColumns.Any()
            || times.Count(t => t.HasValue) < table.RowCount * PresentShare)
        {
            return [];
        }

        var order = TimeOrder(times);
        var series = SeriesColumns(table);
        var found = new List<(CsvColumn, double[])>();
        foreach (var column in table.NumericFeatureColumns)
        {
            // One series for the whole file first; else one per instance, host … when several write to one file.
            var growth = IsCounter(column, order, null);
            foreach (var key in series)
            {
                growth ??= IsCounter(column, order, key.Texts);
            }

            if (growth is not null)
            {
                found.Add((column, growth));
            }
        }

        return found.AsReadOnly();
    }

    /// <summary>Each counter of <paramref name="table"/> (<see cref="Find"/>) and the column of its growth per record, under the counter's name, in column order.</summary>
    public static Dictionary<CsvColumn, CsvColumn> GrowthColumns(CsvTable table) =>
        Find(table).ToDictionary(c => c.Counter, c => new CsvColumn(c.Counter.Name, ColumnRole.Numeric, c.Growth, null));

    /// <summary>Names of the columns that tell interleaved series apart (a metrics file of several instances).</summary>
    public static readonly string[] SeriesNames = ["instance", "host", "hostname", "pod", "container", "node", "service", "job", "source", "sensor", "device"];

    /// <summary>
    /// The columns that may tell series apart: the identifier column and categories named like <see cref="SeriesNames"/>,
    /// with at least two values and at most one for every ten rows.
    /// </summary>
    private static List<CsvColumn> SeriesColumns(CsvTable table) =>
        [.. table.Columns.Where(c => c.Texts is not null
                && (c == table.IdentifierColumn || (c.Role == ColumnRole.Categorical && SeriesNames.Contains(c.Name.ToLowerInvariant(), StringComparer.Ordinal)))
                && c.Texts.Distinct(StringComparer.Ordinal).Take((table.RowCount / 10) + 1).Count() is var n && n >= 2 && n <= table.RowCount / 10)];

    /// <summary>The rows by time, ties and untimed rows in file order (an untimed row keeps the time of the row before it).</summary>
    private static int[] TimeOrder(DateTimeOffset?[] times)
    {
        var keys = new long[times.Length];
        var last = long.MinValue;
        for (var i = 0; i < times.Length; i++)
        {
            last = times[i]?.UtcTicks ?? last;
            keys[i] = last;
        }

        var order = Enumerable.Range(0, times.Length).ToArray();
        if (IsSorted(keys))
        {
            return order; // a file in time order (most are) is its own time order: nothing to sort
        }

        Array.Sort(keys, order); // introsort is unstable: ties are put back in file order below
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && keys[end + 1] == keys[start])
            {
                end++;
            }

            Array.Sort(order, start, end - start + 1);
            start = end + 1;
        }

        return order;
    }

    /// <summary>The steps test of <see cref="IsCounter"/> for one series, the whole file: whether the present values, in time order, go down at fewer than 1 − <see cref="NonDecreasingShare"/> of their steps.</summary>
    private static bool MostlyNonDecreasing(double[] values, int[] order)
    {
        int steps = 0, downs = 0;
        var before = double.NaN;
        foreach (var row in order)
        {
            var value = values[row];
            if (double.IsNaN(value))
            {
                continue;
            }

            if (!double.IsNaN(before))
            {
                steps++;
                downs += value < before ? 1 : 0;
            }

            before = value;
        }

        return steps > 0 && steps - downs >= steps * NonDecreasingShare;
    }

    private static bool IsSorted(long[] keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] < keys[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <param name="series">Each row's series (null: the whole file is one series); a counter only grows within its series.</param>
    private static double[]? IsCounter(CsvColumn column, int[] order, string?[]? series)
    {
        var values = column.Numbers!;
        if (series is null && !MostlyNonDecreasing(values, order))
        {
            return null; // settled in one pass, before counting the distinct values of a metric that goes up and down
        }

        var present = values.Count(v => !double.IsNaN(v));
        if (present < values.Length * PresentShare || values.Any(v => v < 0))
        {
            return null;
        }

        var distinct = values.Where(v => !double.IsNaN(v)).Distinct().Count();
        var needed = HasCounterName(column.Name) ? 3 : Math.Max(10, present / 20);
        if (distinct < needed)
        {
            return null;
        }

        var growth = new double[values.Length];
        var previous = new Dictionary<string, double>(StringComparer.Ordinal);
        var firsts = new List<int>();
        int steps = 0, downs = 0;
        foreach (var row in order)
        {
            var value = values[row];
            if (double.IsNaN(value))
            {
                growth[row] = double.NaN; // imputed like any missing value
                continue;
            }

            var key = series is null ? string.Empty : series[row] ?? string.Empty;
            if (previous.TryGetValue(key, out var before))
            {
                steps++;
                downs += value < before ? 1 : 0;
                growth[row] = value >= before ? value - before : value; // a reset: the counter started again from 0
            }
            else
            {
                firsts.Add(row);
            }

            previous[key] = value;
        }

        if (steps == 0 || steps - downs < steps * NonDecreasingShare)
        {
            return null;
        }

        // A series' first growth is unknown: it is given the series' typical growth, since 0 would make it an outlier in every file.
        var seriesOf = (int row) => series is null ? string.Empty : series[row] ?? string.Empty;
        var firstOf = firsts.ToDictionary(seriesOf, row => row, StringComparer.Ordinal);
        var typical = Enumerable.Range(0, values.Length)
            .Where(row => !double.IsNaN(growth[row]) && firstOf[seriesOf(row)] != row)
            .GroupBy(seriesOf, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => MathNet.Numerics.Statistics.Statistics.Median(g.Select(row => growth[row])), StringComparer.Ordinal);
        foreach (var row in firsts)
        {
            growth[row] = typical.TryGetValue(seriesOf(row), out var median) ? median : 0;
        }

        return growth;
    }

    /// <summary>Names counters carry: Prometheus's <c>_total</c>, and count, bytes, packets, requests ….</summary>
    public static bool HasCounterName(string header)
    {
        var name = header.ToLowerInvariant();
        return name.EndsWith("_total", StringComparison.Ordinal) || name.EndsWith("_count", StringComparison.Ordinal)
            || name.EndsWith("total", StringComparison.Ordinal) || name.EndsWith("count", StringComparison.Ordinal)
            || name.Contains("bytes", StringComparison.Ordinal) || name.Contains("packets", StringComparison.Ordinal)
            || name.Contains("requests", StringComparison.Ordinal) || name.Contains("errors", StringComparison.Ordinal);
    }
}

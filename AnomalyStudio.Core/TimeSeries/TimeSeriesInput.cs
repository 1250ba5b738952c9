using System.Runtime.CompilerServices;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.TimeSeries;

/// <summary>
/// A table read as metrics over time: its time axis and its numeric measurements. <see cref="Recognise"/> says whether a
/// parsed table is one (a time column, numeric measurements, a roughly regular step) and, when it is not, why.
/// </summary>
public sealed class TimeSeriesInput
{
    /// <summary>The fewest rows a series needs to be judged in context.</summary>
    public const int MinimumRows = 100;

    /// <summary>The least share of regular steps for a table to count as sampled at a regular step.</summary>
    public const double MinimumRegularShare = 0.6;

    /// <summary>The most metrics analysed together.</summary>
    public const int MaximumMetrics = 50;

    private TimeSeriesInput(TimeAxis axis, IReadOnlyList<(string Name, double[] Values)> metrics, int missingTimes)
    {
        Axis = axis;
        Metrics = metrics;
        MissingTimes = missingTimes;
    }

    public TimeAxis Axis { get; }

    /// <summary>Each metric's name and values in row order (NaN = missing).</summary>
    public IReadOnlyList<(string Name, double[] Values)> Metrics { get; }

    /// <summary>Rows without a readable time, given the time of the row before them.</summary>
    public int MissingTimes { get; }

    /// <summary>
    /// Reads <paramref name="table"/> as a time series when it is one; otherwise returns null with <paramref name="reason"/>
    /// saying what it lacks. Every column other than the time, the label, a row counter and constant text must be numeric.
    /// </summary>
    public static TimeSeriesInput? Recognise(CsvTable table, out string reason)
    {
        if (table.Timestamps is not { } stamps || table.TimestampColumn is null)
        {
            reason = "it has no time column";
            return null;
        }

        var metrics = table.Columns.Where(c => c.Role == ColumnRole.Numeric && c.Numbers is not null).ToList();
        if (metrics.Count == 0 || metrics.Count > MaximumMetrics)
        {
            reason = metrics.Count == 0 ? "it has no numeric measurement" : $"it has more than {MaximumMetrics} numeric columns";
            return null;
        }

        var other = table.Columns.FirstOrDefault(c => c.Role is ColumnRole.Categorical or ColumnRole.Text or ColumnRole.Identifier or ColumnRole.Level
            && c.Texts is { } texts && texts.Where(t => t is not null).Distinct().Skip(1).Any());
        if (other is not null)
        {
            reason = $"its column '{other.Name}' holds varying text, so its rows are events rather than measurements";
            return null;
        }

        if (table.RowCount < MinimumRows)
        {
            reason = $"it has fewer than {MinimumRows} rows";
            return null;
        }

        var (times, missing) = FillTimes(stamps);
        if (missing > table.RowCount / 20)
        {
            reason = $"{missing:N0} of its rows have no readable time";
            return null;
        }

        var axis = TimeAxis.Of(times);
        if (axis.RegularShare < MinimumRegularShare || axis.Duplicates > table.RowCount / 10)
        {
            reason = axis.Duplicates > table.RowCount / 10
                ? $"{axis.Duplicates:N0} of its rows share a timestamp with another, so they are events rather than samples"
                : $"its rows are not sampled at a regular step (only {100 * axis.RegularShare:0} % of the steps are near {TimeText.Duration(axis.Step)})";
            return null;
        }

        reason = string.Empty;
        // A cumulative counter (requests_total) is judged on its growth per sample, as the records are scored: its level
        // only says how long the process has run, a burst is in its growth.
        var growth = Features.CounterColumns.Find(table).ToDictionary(c => c.Counter, c => c.Growth);
        return new TimeSeriesInput(axis, [.. metrics.Select(c => growth.TryGetValue(c, out var g) ? ($"{c.Name} growth", g) : (c.Name, c.Numbers!))], missing);
    }

    /// <summary>Series made by hand (tests, generators): <paramref name="times"/> and metrics of the same length, no checks of regularity.</summary>
    public static TimeSeriesInput Of(DateTimeOffset[] times, IReadOnlyList<(string Name, double[] Values)> metrics) =>
        new(TimeAxis.Of(times), metrics, 0);

    // Run once per file over every row: compiled fully optimised at once. Tiered compilation would start it unoptimised
    // and move to optimised code only inside the loop, which cost a cold process (the CLI, a server's first uploads)
    // more than the work itself on a million rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (DateTimeOffset[] Times, int Missing) FillTimes(DateTimeOffset?[] stamps)
    {
        var times = new DateTimeOffset[stamps.Length];
        var missing = 0;
        var first = Array.Find(stamps, s => s is not null) ?? DateTimeOffset.UnixEpoch;
        var last = first;
        for (var i = 0; i < stamps.Length; i++)
        {
            if (stamps[i] is { } stamp)
            {
                last = stamp;
            }
            else
            {
                missing++;
            }

            times[i] = last;
        }

        return (times, missing);
    }
}

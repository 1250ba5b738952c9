namespace AnomalyStudio.Core.TimeSeries;

/// <summary>
/// A series analysed in context: the per-metric context, per point (row order) the contextual distance and the flag,
/// the anomalous periods and an explanation per flagged point. What the chart, the drawer and the reports read.
/// </summary>
public sealed class TimeSeriesAnalysis
{
    /// <summary>Points at least this share of the flag distance stay in a period once it has started.</summary>
    public const double PeriodShare = 0.5;

    private readonly int[] _position;

    public TimeSeriesAnalysis(TimeSeriesContext context, double[] distance, bool[] flagged, TimeSeriesOptions options)
    {
        Context = context;
        Options = options;
        var order = context.Axis.Order;
        _position = new int[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            _position[order[k]] = k;
        }

        DistanceInTimeOrder = distance;
        FlaggedInTimeOrder = flagged;
        Periods = FindPeriods();
    }

    public TimeSeriesContext Context { get; }

    public TimeSeriesOptions Options { get; }

    public TimeAxis Axis => Context.Axis;

    public double[] DistanceInTimeOrder { get; }

    public bool[] FlaggedInTimeOrder { get; }

    public IReadOnlyList<AnomalousPeriod> Periods { get; }

    /// <summary>
    /// Bytes the analysis keeps alive beyond the parsed table: per metric its eight per-point arrays (values in time order,
    /// expected, σ, deviation, slow deviation, shift, rate, flat run) and its out-of-step array, the times, the time order
    /// and its inverse, the distances and flags, and the periods. The metrics' values in row order are the table's own.
    /// </summary>
    public long EstimatedBytes
    {
        get
        {
            long n = _position.Length;
            var perMetric = (8 + (Context.OutOfStep is null ? 0 : 1)) * 8L * n;
            return (Context.Metrics.Count * perMetric) + (16 * n) + (4 * n * 2) + (8 * n) + n + (Periods.Count * 96L);
        }
    }

    /// <summary>A row's position in time order.</summary>
    public int Position(int row) => _position[row];

    /// <summary>The row at a position in time order.</summary>
    public int Row(int position) => Axis.Order[position];

    /// <summary>The metric that deviates most at a position (time order).</summary>
    public MetricContext StrongestMetric(int position) =>
        Context.Metrics.MaxBy(m => Math.Abs(m.Deviation[position]))!;

    /// <summary>Per metric at a row: its value, what was expected and the typical band (expected ± 2σ of the recent noise).</summary>
    public IEnumerable<(string Metric, double Value, double Expected, double Low, double High)> Bands(int row)
    {
        var k = _position[row];
        foreach (var metric in Context.Metrics)
        {
            var (low, high) = TimeSeriesExplainer.Typical(metric, k);
            yield return (metric.Name, metric.Values[k], metric.Expected[k], low, high);
        }
    }

    /// <summary>The period a row belongs to, if any.</summary>
    public AnomalousPeriod? PeriodOf(int row)
    {
        var k = _position[row];
        return Periods.FirstOrDefault(p => k >= _position[p.StartRow] && k <= _position[p.EndRow]);
    }

    /// <summary>One line per metric and the axis: what the series looked like to the analysis.</summary>
    public IEnumerable<string> Notes()
    {
        yield return $"Time series: {Axis.Describe()}.";
        foreach (var metric in Context.Metrics)
        {
            yield return $"Time series '{metric.Name}': {metric.Season.Describe()}; each point is judged against its recent level{(metric.Season.IsDaily ? " and the same time of day" : "")}, its rate of change, level shifts and flat runs.";
        }

        yield return Periods.Count == 0
            ? "Time series: no anomalous period."
            : $"Time series: {Periods.Count} anomalous period{(Periods.Count == 1 ? "" : "s")}: {string.Join("; ", Periods.Take(5).Select(p => $"{p.KindName} in '{p.Metric}' from {TimeText.Moment(p.Start, Axis.Span)} ({p.Points} point{(p.Points == 1 ? "" : "s")})"))}{(Periods.Count > 5 ? "; …" : "")}.";
    }

    private List<AnomalousPeriod> FindPeriods()
    {
        var periods = new List<AnomalousPeriod>();
        var n = FlaggedInTimeOrder.Length;
        var floor = Options.FlagDistance * PeriodShare;
        for (var k = 0; k < n; k++)
        {
            if (!FlaggedInTimeOrder[k])
            {
                continue;
            }

            var end = k;
            var peak = k;
            for (var j = k + 1; j < n && j - end <= 3 && !FlaggedInTimeOrder[j]; j++)
            {
                if (DistanceInTimeOrder[j] >= floor)
                {
                    end = j;
                    peak = DistanceInTimeOrder[j] > DistanceInTimeOrder[peak] ? j : peak;
                }
            }

            var metric = StrongestMetric(peak);
            periods.Add(new AnomalousPeriod(Row(k), Row(end), Row(peak), Axis.Times[Row(k)], Axis.Times[Row(end)], metric.Name, KindAt(metric, k, end), DistanceInTimeOrder[peak], end - k + 1));
        }

        return periods;
    }

    private static AnomalyKind KindAt(MetricContext metric, int start, int end)
    {
        if (metric.Flat[start] >= 1.5 || metric.Flat[end] >= 1.5)
        {
            return AnomalyKind.FlatLine;
        }

        var shift = metric.Shift[Math.Min(start + 1, metric.Shift.Length - 1)];
        if (Math.Abs(shift) >= MetricContext.ClipZ && Math.Abs(shift) >= 0.5 * Math.Abs(metric.Deviation[start]))
        {
            return AnomalyKind.LevelShift;
        }

        return metric.Deviation[start] >= 0 ? AnomalyKind.Spike : AnomalyKind.Dip;
    }
}

using System.Globalization;

namespace AnomalyStudio.Core.TimeSeries;

/// <summary>
/// Says in plain words why a point of a series is unusual: its value against the range typical at that moment, and what
/// its period looks like ("cpu 92 at 03:10 where 18–25 is typical at this hour on weekdays; level 4× higher since 02:55
/// (level shift)").
/// </summary>
public static class TimeSeriesExplainer
{
    /// <summary>The typical range is the expected value ± this many σ of the recent noise.</summary>
    public const double TypicalSigmas = 2;

    public static string Explain(TimeSeriesAnalysis analysis, int row)
    {
        var period = analysis.PeriodOf(row);
        var metric = period is null ? analysis.StrongestMetric(analysis.Position(row)) : analysis.Context.Metrics.First(m => m.Name == period.Metric);
        // A point flagged a little ahead of a level shift looks ordinary itself: the period's strongest point tells more.
        row = period is not null && Math.Abs(metric.Deviation[analysis.Position(row)]) < TypicalSigmas ? period.PeakRow : row;
        var k = analysis.Position(row);
        var time = analysis.Axis.Times[row];
        var span = analysis.Axis.Span;
        var (low, high) = Typical(metric, k);
        var phase = metric.Season.PhaseText(time);
        // A range that prints as one number (a series that is 0 but for its bursts) is said as that number: "where 0 is typical".
        var (lowText, highText) = (TimeText.Value(low), TimeText.Value(high));
        var range = lowText == highText ? lowText : $"{lowText}–{highText}";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{metric.Name} {TimeText.Value(metric.Values[k])} at {TimeText.Moment(time, span)} where {range} is typical{(phase.Length > 0 ? " " + phase : "")}");
        var parts = new List<string> { text };
        if (period is not null)
        {
            parts.Add(DescribePeriod(analysis, period, metric));
        }

        if (analysis.Context.OutOfStep is { } joint && analysis.Context.Metrics.Count > 1)
        {
            var index = IndexOf(analysis, metric);
            var (from, to) = period is not null ? (analysis.Position(period.StartRow), analysis.Position(period.EndRow)) : (k, k);
            var strongest = 0.0;
            for (var j = from; j <= to; j++)
            {
                strongest = Math.Max(strongest, Math.Abs(joint[index][j]));
            }

            if (strongest >= analysis.Options.FlagDistance)
            {
                parts.Add($"out of step with {string.Join(", ", analysis.Context.Metrics.Where(m => m != metric).Take(3).Select(m => m.Name))}");
            }
        }

        return string.Join("; ", parts);
    }

    /// <summary>The expected value ± <see cref="TypicalSigmas"/> σ at a position (time order), never below 0 for a series that never is.</summary>
    public static (double Low, double High) Typical(MetricContext metric, int position)
    {
        var expected = metric.Expected[position];
        var sigma = metric.Sigma[position];
        var low = expected - (TypicalSigmas * sigma);
        return (metric.NonNegative ? Math.Max(0, low) : low, expected + (TypicalSigmas * sigma));
    }

    private static string DescribePeriod(TimeSeriesAnalysis analysis, AnomalousPeriod period, MetricContext metric)
    {
        var since = TimeText.Moment(period.Start, analysis.Axis.Span);
        var start = analysis.Position(period.StartRow);
        switch (period.Kind)
        {
            case AnomalyKind.LevelShift:
                // The shift statistic compares the points after a moment with those before it, so it can rise a few points
                // ahead of the change; the change itself is where it peaks.
                start = ChangePoint(metric, start, analysis.Position(period.EndRow));
                since = TimeText.Moment(analysis.Axis.Times[analysis.Row(start)], analysis.Axis.Span);
                var before = MedianAround(metric.Values, start - MetricContext.ShiftPoints, start);
                var after = MedianAround(metric.Values, start, start + MetricContext.ShiftPoints);
                var ratio = before > 0 && after > 0 ? after / before : double.NaN;
                var change = double.IsFinite(ratio) && (ratio >= 1.5 || ratio <= 1 / 1.5)
                    ? ratio >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{ratio:0.#}× higher") : string.Create(CultureInfo.InvariantCulture, $"{1 / ratio:0.#}× lower")
                    : $"{(after >= before ? "up" : "down")} from {TimeText.Value(before)} to {TimeText.Value(after)}";
                return $"level {change} since {since} (level shift)";
            case AnomalyKind.FlatLine:
                return $"unchanged since {since}, far longer than it usually stays the same (flat line)";
            default:
                var kind = period.Kind == AnomalyKind.Spike ? "spike" : "dip";
                return period.Points <= 1 ? kind : $"{kind} from {since}, {period.Points} points";
        }
    }

    private static int ChangePoint(MetricContext metric, int start, int end)
    {
        var best = start;
        for (var k = start; k <= Math.Min(end, start + MetricContext.ShiftPoints) && k < metric.Shift.Length; k++)
        {
            best = Math.Abs(metric.Shift[k]) > Math.Abs(metric.Shift[best]) ? k : best;
        }

        return best;
    }

    private static double MedianAround(double[] values, int from, int to)
    {
        var slice = values.Skip(Math.Max(0, from)).Take(Math.Max(0, Math.Min(values.Length, to) - Math.Max(0, from))).Where(double.IsFinite).ToList();
        return RobustStatistics.Median(slice);
    }

    private static int IndexOf(TimeSeriesAnalysis analysis, MetricContext metric)
    {
        for (var m = 0; m < analysis.Context.Metrics.Count; m++)
        {
            if (analysis.Context.Metrics[m] == metric)
            {
                return m;
            }
        }

        return 0;
    }
}

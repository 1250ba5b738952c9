using System.Globalization;
using AnomalyStudio.Core.TimeSeries;

namespace AnomalyStudio.App.State;

/// <summary>
/// What the series chart draws for one metric of a time series, in time order: the values, the typical band (expected
/// ± 2σ), the flagged points and the anomalous periods, thinned to at most <see cref="MaxPoints"/> points (every flagged
/// point and each bucket's extremes kept), with a one-sentence summary for screen readers.
/// </summary>
public sealed record SeriesChartData(
    string Metric,
    DateTime[] Times,
    double[] Values,
    double[] Low,
    double[] High,
    DateTime[] FlaggedTimes,
    double[] FlaggedValues,
    IReadOnlyList<(DateTime Start, DateTime End, string Kind)> Periods,
    string Summary)
{
    public const int MaxPoints = 4_000;

    public static IReadOnlyList<SeriesChartData> Of(TimeSeriesAnalysis analysis) =>
        [.. analysis.Context.Metrics.Select(m => Of(analysis, m))];

    public static SeriesChartData Of(TimeSeriesAnalysis analysis, MetricContext metric)
    {
        var n = metric.Values.Length;
        var keep = Thin(metric.Values, analysis.FlaggedInTimeOrder);
        var times = new List<DateTime>(keep.Count);
        var values = new List<double>(keep.Count);
        var low = new List<double>(keep.Count);
        var high = new List<double>(keep.Count);
        foreach (var k in keep)
        {
            var (lo, hi) = TimeSeriesExplainer.Typical(metric, k);
            times.Add(analysis.Axis.Times[analysis.Row(k)].UtcDateTime);
            values.Add(metric.Values[k]);
            low.Add(lo);
            high.Add(hi);
        }

        var flagged = Enumerable.Range(0, n).Where(k => analysis.FlaggedInTimeOrder[k]).ToList();
        var periods = analysis.Periods.Where(p => p.Metric == metric.Name)
            .Select(p => (p.Start.UtcDateTime, p.End.UtcDateTime, p.KindName)).ToList();
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Series '{metric.Name}': {analysis.Axis.Describe()}; {flagged.Count:N0} flagged point{(flagged.Count == 1 ? "" : "s")} in {analysis.Periods.Count:N0} anomalous period{(analysis.Periods.Count == 1 ? "" : "s")}, drawn against the typical band (expected ± {TimeSeriesExplainer.TypicalSigmas:0} σ, {metric.Season.Describe()}).");
        return new SeriesChartData(
            metric.Name, [.. times], [.. values], [.. low], [.. high],
            [.. flagged.Select(k => analysis.Axis.Times[analysis.Row(k)].UtcDateTime)], [.. flagged.Select(k => metric.Values[k])], periods, summary);
    }

    /// <summary>Positions to draw: all of them when few, else each bucket's lowest and highest value and every flagged point.</summary>
    private static List<int> Thin(double[] values, bool[] flagged)
    {
        var n = values.Length;
        if (n <= MaxPoints)
        {
            return [.. Enumerable.Range(0, n)];
        }

        var buckets = MaxPoints / 2;
        var keep = new SortedSet<int>();
        for (var b = 0; b < buckets; b++)
        {
            int from = (int)((long)b * n / buckets), to = (int)((long)(b + 1) * n / buckets);
            int lo = from, hi = from;
            for (var k = from; k < to; k++)
            {
                lo = values[k] < values[lo] ? k : lo;
                hi = values[k] > values[hi] ? k : hi;
                if (flagged[k])
                {
                    keep.Add(k);
                }
            }

            keep.Add(lo);
            keep.Add(hi);
        }

        return [.. keep];
    }
}

using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.TimeSeries;

/// <summary>
/// Every metric of a series judged in context (<see cref="MetricContext"/>), and the feature matrices the two detector
/// families score: context features per point for the isolation forest, windows of recent deviations for the autoencoder.
/// Metric arrays are in time order; matrices in row order, as the records are.
/// </summary>
public sealed class TimeSeriesContext
{
    /// <summary>The points of recent deviations an autoencoder window holds, per metric.</summary>
    public const int WindowPoints = 8;

    private TimeSeriesContext(TimeSeriesInput input, IReadOnlyList<MetricContext> metrics, double[][]? outOfStep)
    {
        Input = input;
        Metrics = metrics;
        OutOfStep = outOfStep;
    }

    public TimeSeriesInput Input { get; }

    public TimeAxis Axis => Input.Axis;

    /// <summary>The metrics in the file's column order, their arrays in time order.</summary>
    public IReadOnlyList<MetricContext> Metrics { get; }

    /// <summary>
    /// With several metrics, per metric and point (time order): its deviation less the deviation the other metrics predict
    /// for it (their deviations weighted by their correlation with it), so one metric moving out of step with the others
    /// stands out; null for a single metric.
    /// </summary>
    public double[][]? OutOfStep { get; }

    /// <summary>Judges every metric of <paramref name="input"/> (in parallel when there are several).</summary>
    public static TimeSeriesContext Compute(TimeSeriesInput input, CancellationToken cancellationToken = default)
    {
        // A file in time order (most are) is read as it is: its times and values are already in time order, and neither
        // is written to, so the metrics share them instead of copying a million-element array each.
        var order = input.Axis.Order;
        var inOrder = input.Axis.OutOfOrder == 0;
        var times = inOrder ? input.Axis.Times : Array.ConvertAll(order, i => input.Axis.Times[i]);
        var metrics = new MetricContext[input.Metrics.Count];
        Parallel.For(0, metrics.Length, new ParallelOptions { CancellationToken = cancellationToken }, m =>
        {
            var (name, values) = input.Metrics[m];
            metrics[m] = MetricContext.Compute(name, inOrder ? values : Array.ConvertAll(order, i => values[i]), times, input.Axis);
        });
        return new TimeSeriesContext(input, metrics, metrics.Length > 1 ? JointDeviation(metrics) : null);
    }

    /// <summary>The isolation forest's features: per metric its deviation, level shift, rate of change, flat run (and out-of-step).</summary>
    public FeatureMatrix ContextFeatures()
    {
        var columns = new List<(string Name, double[] Values)>();
        for (var m = 0; m < Metrics.Count; m++)
        {
            var metric = Metrics[m];
            columns.Add(($"{metric.Name}: deviation", metric.Deviation));
            columns.Add(($"{metric.Name}: level shift", metric.Shift));
            columns.Add(($"{metric.Name}: rate of change", metric.Rate));
            columns.Add(($"{metric.Name}: flat run", metric.Flat));
            if (OutOfStep is { } joint)
            {
                columns.Add(($"{metric.Name}: out of step", joint[m]));
            }
        }

        return ToRowOrder(columns);
    }

    /// <summary>The autoencoder's features: per metric its last <see cref="WindowPoints"/> deviations, oldest first.</summary>
    public FeatureMatrix WindowFeatures()
    {
        var columns = new List<(string Name, double[] Values)>();
        foreach (var metric in Metrics)
        {
            for (var lag = WindowPoints - 1; lag >= 0; lag--)
            {
                var lagged = new double[metric.Deviation.Length];
                Array.Copy(metric.Deviation, 0, lagged, lag, lagged.Length - lag);
                columns.Add(($"{metric.Name}: deviation t-{lag}", lagged));
            }
        }

        return ToRowOrder(columns);
    }

    private FeatureMatrix ToRowOrder(List<(string Name, double[] Values)> columns)
    {
        var order = Axis.Order;
        var matrix = new FeatureMatrix([.. columns.Select(c => c.Name)], order.Length);
        var width = columns.Count;
        for (var c = 0; c < width; c++)
        {
            var values = columns[c].Values;
            for (var k = 0; k < order.Length; k++)
            {
                var v = values[k];
                matrix.Values[(order[k] * width) + c] = double.IsFinite(v) ? v : 0;
            }
        }

        return matrix;
    }

    private static double[][] JointDeviation(MetricContext[] metrics)
    {
        var n = metrics[0].Deviation.Length;
        var clipped = Array.ConvertAll(metrics, m => Array.ConvertAll(m.Deviation, d => Math.Clamp(d, -MetricContext.ClipZ, MetricContext.ClipZ)));
        var result = new double[metrics.Length][];
        for (var m = 0; m < metrics.Length; m++)
        {
            var weights = new double[metrics.Length];
            for (var o = 0; o < metrics.Length; o++)
            {
                weights[o] = o == m ? 0 : MathNet.Numerics.Statistics.Correlation.Pearson(clipped[m], clipped[o]);
                weights[o] = double.IsFinite(weights[o]) ? weights[o] : 0;
            }

            var total = weights.Sum(Math.Abs);
            result[m] = new double[n];
            for (var k = 0; k < n; k++)
            {
                double predicted = 0;
                for (var o = 0; o < metrics.Length; o++)
                {
                    predicted += weights[o] * metrics[o].Deviation[k];
                }

                result[m][k] = metrics[m].Deviation[k] - (total > 0 ? predicted / total : 0);
            }
        }

        return result;
    }
}

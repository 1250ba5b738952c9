using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.TimeSeries;

/// <summary>
/// Scores a series from its context and a detector's robust distances (per row, as the calibration of the detector fitted on
/// <see cref="TimeSeriesContext.ContextFeatures"/> or <see cref="TimeSeriesContext.WindowFeatures"/> gives them): the
/// surprise flags (<see cref="SurpriseScoring"/>), the 0…1 scores and flag threshold in row order, and the analysis with
/// its periods for the reports, the chart and the explanations.
/// </summary>
public static class TimeSeriesScorer
{
    public static (TimeSeriesAnalysis Analysis, double[] Scores, FlagThreshold Threshold) Score(
        TimeSeriesContext context, double[] modelDistance, TimeSeriesOptions options, CalibrationOptions calibration, SeverityThresholds thresholds)
    {
        var order = context.Axis.Order;
        var inTimeOrder = Array.ConvertAll(order, row => modelDistance[row]);
        var (distance, flagged) = SurpriseScoring.Flag(context.Metrics, inTimeOrder, options, context.Axis);
        var (scores, threshold) = SurpriseScoring.Scores(distance, flagged, options, calibration, thresholds);
        var byRow = new double[scores.Length];
        for (var k = 0; k < order.Length; k++)
        {
            byRow[order[k]] = scores[k];
        }

        return (new TimeSeriesAnalysis(context, distance, flagged, options), byRow, threshold);
    }
}

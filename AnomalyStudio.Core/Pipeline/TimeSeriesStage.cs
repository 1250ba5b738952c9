using System.Diagnostics;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Core.TimeSeries;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>
/// The pipeline's time-series mode for a table of metrics over time (<see cref="AnalysisChoice"/>): the same stages
/// run on the series' context instead of its raw rows. The detector is fitted on the file's context features (the
/// isolation forest) or windows of recent deviations (the autoencoder), its robust distances join the contextual ones
/// (<see cref="SurpriseScoring"/>), and each flagged point is explained against what was typical at its moment.
/// The detector's calibration is kept: its robust distances are the detector's part of each point's distance, and the
/// 0…1 scores keep its bands, moved to start at the flag distance. The per-file threshold (<see cref="FileThreshold"/>),
/// which cuts a table's distances into a main body and an upper group, is replaced by the surprise rule: a series'
/// distances rise and fall with its episodes, so a cut of their distribution would flag every point of every long episode
/// and every recurring spike. The result's file threshold is the surprise rule's, and an analyst's flag still moves it.
/// </summary>
internal sealed class TimeSeriesStage
{
    private TimeSeriesStage(TimeSeriesContext context)
    {
        Context = context;
    }

    /// <summary>The input as the stages see it: the context (or window) features, fitted on the file, explained by the analysis.</summary>
    public PreparedInput Prepared { get; private set; } = null!;

    public TimeSeriesContext Context { get; }

    /// <summary>The analysis, once <see cref="Score"/> has run.</summary>
    public TimeSeriesAnalysis? Analysis { get; private set; }

    /// <summary>
    /// The time-series stage for <paramref name="prepared"/> when the request and the table call for it; null to judge the
    /// rows one by one. Auto picks a table that is a time series unless pretrained mode was asked for; asking for a time
    /// series of a file that is not one is bad input saying why.
    /// </summary>
    public static TimeSeriesStage? Choose(
        PreparedInput prepared, SeriesRecognition recognition, DetectionRequest request, IAnomalyDetector detector, List<StageTiming> timings, CancellationToken cancellationToken)
    {
        if (!recognition.Wanted)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        string reason = "it is not a table";
        var input = prepared.Table is { } table ? recognition.Recognise(table, out reason) : null;
        if (input is null)
        {
            return request.Analysis == AnalysisChoice.TimeSeries
                ? throw new InvalidInputException($"{request.FileName} cannot be analysed as a time series: {reason}.")
                : null;
        }

        var context = TimeSeriesContext.Compute(input, cancellationToken);
        var features = detector.Name == DetectorNames.Autoencoder ? context.WindowFeatures() : context.ContextFeatures();
        var stage = new TimeSeriesStage(context);
        var series = new PreparedInput
        {
            Format = prepared.Format, FitOnFile = true, Matrix = features, Kind = prepared.Kind, Skipped = prepared.Skipped, Lines = prepared.Lines,
            Source = prepared.Source, Timestamp = prepared.Timestamp, Identifier = prepared.Identifier, Table = prepared.Table,
            Labels = prepared.Labels, EntityLabels = prepared.EntityLabels, Entities = prepared.Entities, Facets = prepared.Facets,
            Reasons = row => stage.Analysis is { } analysis ? [new Reason(TimeSeriesExplainer.Explain(analysis, row), 100)] : [],
        };
        series.Notes.AddRange(prepared.Notes);
        if (request.Mode == DetectionMode.Pretrained)
        {
            series.Notes.Add("Time series: the detector was fitted on the file even in pretrained mode, since a series is judged against its own past.");
        }

        stage.Prepared = series;
        // The series' context is the features of a time series: its time joins the table's features, one entry as for any file.
        var tableFeatures = timings.FindIndex(t => t.Stage == PipelineStage.Features);
        if (tableFeatures >= 0)
        {
            timings[tableFeatures] = timings[tableFeatures] with { Elapsed = timings[tableFeatures].Elapsed + clock.Elapsed };
        }
        else
        {
            timings.Add(new StageTiming(PipelineStage.Features, clock.Elapsed));
        }

        return stage;
    }

    /// <summary>
    /// Scores the series from the detector's <paramref name="raw"/> scores under its <paramref name="calibration"/>: the 0…1
    /// scores and the flag (an analyst's <paramref name="flag"/> moves it), and the analysis with its periods and notes.
    /// </summary>
    public (double[] Scores, FlagThreshold Threshold) Score(
        ScoreCalibration calibration, IReadOnlyList<double> raw, CalibrationOptions options, SeverityThresholds thresholds, FlagOverride? flag)
    {
        double[] distances = calibration.MeasuresDistance ? [.. calibration.Distances(raw as double[] ?? [.. raw], null)] : new double[raw.Count];
        var (analysis, scores, threshold) = TimeSeriesScorer.Score(Context, distances, new TimeSeriesOptions(), options, thresholds);
        Analysis = analysis;
        Prepared.Notes.AddRange(analysis.Notes());
        return (scores, flag is null ? threshold : flag.Resolve(scores));
    }
}

using AnomalyStudio.App.Cli.Nab;
using AnomalyStudio.Core.Detection.IsolationForest;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Core.TimeSeries;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.TimeSeries;

/// <summary>Real NAB series from the shared data, read through the product's CSV reader, and analysed as the pipeline does.</summary>
internal static class NabData
{
    private static readonly Lazy<IReadOnlyList<NabSeries>> Corpus = new(() => NabSeries.Read(TestData.Shared("nab")));

    public static NabSeries Series(string name) => Corpus.Value.Single(s => s.Name.EndsWith(name, StringComparison.Ordinal));

    public static CsvTable Table(string name)
    {
        using var stream = File.OpenRead(Series(name).Path);
        var sniffed = FormatDetector.Detect(stream, name);
        return new CsvTableReader().Read(sniffed.Content, sniffed.CsvDelimiter);
    }

    public static TimeSeriesInput Input(string name) =>
        TimeSeriesInput.Recognise(Table(name), out var reason) ?? throw new InvalidOperationException($"{name} is not a time series: {reason}");

    /// <summary>The analysis with the isolation forest over the context features, calibrated robustly, as the pipeline runs it.</summary>
    public static (TimeSeriesAnalysis Analysis, double[] Scores, FlagThreshold Threshold) Analyse(TimeSeriesInput input)
    {
        var context = TimeSeriesContext.Compute(input);
        var features = context.ContextFeatures();
        var raw = new IsolationForestDetector().Fit(features).Score(features);
        var calibration = ScoreCalibration.Robust(raw, new CalibrationOptions(), SeverityThresholds.IsolationForestDefaults);
        return TimeSeriesScorer.Score(context, [.. calibration.Distances(raw, null)], new TimeSeriesOptions(), new CalibrationOptions(), SeverityThresholds.IsolationForestDefaults);
    }

    /// <summary>Per row, whether the analysis flagged it.</summary>
    public static bool[] Flags(TimeSeriesAnalysis analysis)
    {
        var flags = new bool[analysis.Axis.Count];
        for (var k = 0; k < flags.Length; k++)
        {
            flags[analysis.Row(k)] = analysis.FlaggedInTimeOrder[k];
        }

        return flags;
    }
}

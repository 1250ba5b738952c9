using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.TimeSeries;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>
/// Whether a request's table is judged as a time series, recognised once (<see cref="TimeSeriesInput.Recognise"/>) for
/// both places that ask: the preparation, which then leaves out the table's own features that the series replaces, and
/// <see cref="TimeSeriesStage"/>, which judges the series.
/// </summary>
internal sealed class SeriesRecognition(DetectionRequest request)
{
    private CsvTable? _table;
    private TimeSeriesInput? _input;
    private string _reason = string.Empty;

    /// <summary>Whether the request lets a table be a time series: not when records are asked for, nor in auto analysis with pretrained mode.</summary>
    public bool Wanted => request.Analysis != AnalysisChoice.Records && !(request.Analysis == AnalysisChoice.Auto && request.Mode == DetectionMode.Pretrained);

    /// <summary>Whether <paramref name="table"/> will be judged as a time series.</summary>
    public bool IsSeries(CsvTable table) => Wanted && Recognise(table, out _) is not null;

    /// <summary><see cref="TimeSeriesInput.Recognise"/> of <paramref name="table"/>, read once however often it is asked for.</summary>
    public TimeSeriesInput? Recognise(CsvTable table, out string reason)
    {
        if (!ReferenceEquals(table, _table))
        {
            _input = TimeSeriesInput.Recognise(table, out _reason);
            _table = table;
        }

        reason = _reason;
        return _input;
    }
}

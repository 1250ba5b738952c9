namespace AnomalyStudio.Core.Pipeline;

/// <summary>How a detection judges a table's rows: chosen from the table (the default), one by one, or as a time series in context.</summary>
public enum AnalysisChoice
{
    /// <summary>A time series when the table is one (a time column, numeric measurements, a regular step); records otherwise.</summary>
    Auto,

    /// <summary>Every row on its own, as for any table.</summary>
    Records,

    /// <summary>As a time series; a table that is not one is refused with the reason.</summary>
    TimeSeries,
}

/// <summary>The words for <see cref="AnalysisChoice"/> that the CLI (<c>--analysis</c>), the API (<c>analysis=</c>) and the dashboard share.</summary>
public static class AnalysisChoices
{
    public const string Auto = "auto", Records = "records", TimeSeries = "time-series";

    public static readonly IReadOnlyList<string> Names = [Auto, Records, TimeSeries];

    public static string Of(AnalysisChoice choice) => choice switch
    {
        AnalysisChoice.Records => Records,
        AnalysisChoice.TimeSeries => TimeSeries,
        _ => Auto,
    };

    /// <summary>Reads a choice (null or empty: auto); an unknown word is bad input naming the choices.</summary>
    public static AnalysisChoice Parse(string? analysis) => analysis?.Trim().ToLowerInvariant() switch
    {
        null or "" or Auto => AnalysisChoice.Auto,
        Records or "rows" => AnalysisChoice.Records,
        TimeSeries or "timeseries" or "time_series" => AnalysisChoice.TimeSeries,
        _ => throw new InvalidInputException($"Unknown analysis '{analysis}': use {string.Join(", ", Names)}."),
    };
}

using System.Globalization;

namespace AnomalyStudio.Core.TimeSeries;

/// <summary>Durations, times and values as an analyst reads them in an explanation ("5 min", "03:10", "92.4").</summary>
public static class TimeText
{
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 120 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s"),
        { TotalMinutes: < 60 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min"),
        { TotalHours: < 48 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days"),
    };

    /// <summary>A moment: the time of day when the series spans less than a day, else the date and time.</summary>
    public static string Moment(DateTimeOffset time, TimeSpan span) =>
        time.ToString(span < TimeSpan.FromDays(1) ? "HH:mm" : "d MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A measured value with up to three significant decimals, thousands grouped.</summary>
    public static string Value(double value)
    {
        var magnitude = Math.Abs(value);
        var format = magnitude >= 1000 ? "N0" : magnitude >= 100 ? "0.#" : magnitude >= 1 ? "0.##" : "0.###";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }
}

using System.Globalization;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Core.Pipeline.Comparison;

/// <summary>
/// The two windows of one file a comparison sets against each other: a baseline range, an incident range, or both; the
/// one left out (null) is the rest of the file's timed records. Built only through <see cref="Of"/>, which refuses a
/// pair with neither range, a range that ends before it starts, or two ranges that overlap.
/// </summary>
public sealed record ComparisonWindows
{
    /// <summary>How a range is written at the command line: START..END.</summary>
    public const string RangeSeparator = "..";

    private const string TimeExample = "an ISO 8601 time such as 2015-05-20T02:40:00Z (UTC unless it names an offset)";

    private ComparisonWindows(TimeWindow? baseline, TimeWindow? incident) => (Baseline, Incident) = (baseline, incident);

    public TimeWindow? Baseline { get; }

    public TimeWindow? Incident { get; }

    /// <exception cref="InvalidInputException">Neither range is given, one ends before it starts, or they overlap.</exception>
    public static ComparisonWindows Of(TimeWindow? baseline, TimeWindow? incident)
    {
        if (baseline is null && incident is null)
        {
            throw new InvalidInputException("Choose a baseline range, an incident range or both; the one left out is the rest of the file.");
        }

        baseline?.Validate("baseline range");
        incident?.Validate("incident range");
        if (baseline is { } b && incident is { } i && b.Start < i.End && i.Start < b.End)
        {
            throw new InvalidInputException($"The baseline range ({b}) and the incident range ({i}) overlap; choose ranges that do not share any time.");
        }

        return new ComparisonWindows(baseline, incident);
    }

    /// <summary>A range written START..END (<paramref name="name"/> names it in the error); null for null or empty text.</summary>
    /// <exception cref="InvalidInputException">The text is not two times joined by "..".</exception>
    public static TimeWindow? ParseRange(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var at = text.IndexOf(RangeSeparator, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidInputException($"{name} '{Shorten(text)}' is not a range: write START{RangeSeparator}END, each {TimeExample}.");
        }

        return new TimeWindow(Time(text[..at], $"The start of {name}"), Time(text[(at + RangeSeparator.Length)..], $"The end of {name}"));
    }

    /// <summary>A range from its two ends (both or neither; <paramref name="startName"/> and <paramref name="endName"/> name them in errors).</summary>
    /// <exception cref="InvalidInputException">Only one end is given, or one is not a time.</exception>
    public static TimeWindow? ParseEnds(string? start, string? end, string startName, string endName)
    {
        var (hasStart, hasEnd) = (!string.IsNullOrWhiteSpace(start), !string.IsNullOrWhiteSpace(end));
        if (hasStart != hasEnd)
        {
            throw new InvalidInputException($"'{(hasStart ? startName : endName)}' is given without '{(hasStart ? endName : startName)}': a range needs both ends.");
        }

        return hasStart ? new TimeWindow(Time(start!, $"'{startName}'"), Time(end!, $"'{endName}'")) : null;
    }

    /// <summary>
    /// A time with a date (a bare time of day would silently mean today). ISO 8601, UTC unless it names an offset.
    /// </summary>
    private static DateTimeOffset Time(string text, string name)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < 10 || !char.IsAsciiDigit(trimmed[0]) || trimmed[4] != '-'
            || !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new InvalidInputException($"{name} is '{Shorten(trimmed)}', not {TimeExample}.");
        }

        return time.ToUniversalTime();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

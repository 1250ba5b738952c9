using System.Globalization;

namespace AnomalyStudio.Core.Spikes;

/// <summary>A span of time, start included and end excluded.</summary>
public readonly record struct TimeWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(long utcTicks) => utcTicks >= Start.UtcTicks && utcTicks < End.UtcTicks;

    public TimeSpan Length => End - Start;

    /// <summary>"18 May 2015 03:20–03:23 UTC", or both dates when the window crosses midnight.</summary>
    public override string ToString()
    {
        var start = Start.UtcDateTime;
        var end = End.UtcDateTime;
        var format = Length < TimeSpan.FromMinutes(2) && start.Second + end.Second > 0 ? "HH:mm:ss" : "HH:mm";
        return start.Date == end.Date
            ? string.Create(CultureInfo.InvariantCulture, $"{start:d MMM yyyy} {start.ToString(format, CultureInfo.InvariantCulture)}–{end.ToString(format, CultureInfo.InvariantCulture)} UTC")
            : string.Create(CultureInfo.InvariantCulture, $"{start:d MMM yyyy} {start.ToString(format, CultureInfo.InvariantCulture)} – {end:d MMM yyyy} {end.ToString(format, CultureInfo.InvariantCulture)} UTC");
    }

    /// <summary>Throws the user's error unless start &lt; end.</summary>
    public TimeWindow Validate(string what = "window")
    {
        if (End <= Start)
        {
            throw new InvalidInputException($"The {what} must end after it starts ({Start:O} – {End:O}).");
        }

        return this;
    }
}

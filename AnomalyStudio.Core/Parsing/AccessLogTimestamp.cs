namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// The access log's timestamp, <c>dd/MMM/yyyy:HH:mm:ss +zzzz</c> (Apache's <c>%t</c> without its brackets), read by hand
/// rather than by <c>DateTimeOffset.TryParseExact</c>: it runs once per line.
/// </summary>
internal static class AccessLogTimestamp
{
    /// <summary>Characters of the layout, dd/MMM/yyyy:HH:mm:ss +zzzz.</summary>
    public const int Length = 26;

    private static readonly string[] Months =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Reads <c>17/May/2015:10:05:03 +0000</c>; false when the text has another layout or is not a real date and time.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        // dd/MMM/yyyy:HH:mm:ss +zzzz = 26 characters
        if (text.Length != 26 || text[2] != '/' || text[6] != '/' || text[11] != ':' || text[14] != ':' || text[17] != ':'
            || text[20] != ' ' || (text[21] != '+' && text[21] != '-'))
        {
            return false;
        }

        var month = MonthNumber(text.Slice(3, 3));
        if (month == 0
            || !TryDigits(text.Slice(0, 2), out var day) || !TryDigits(text.Slice(7, 4), out var year)
            || !TryDigits(text.Slice(12, 2), out var hour) || !TryDigits(text.Slice(15, 2), out var minute)
            || !TryDigits(text.Slice(18, 2), out var second)
            || !TryDigits(text.Slice(22, 2), out var offsetHours) || !TryDigits(text.Slice(24, 2), out var offsetMinutes))
        {
            return false;
        }

        if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60
            || offsetHours > 14 || offsetMinutes > 59)
        {
            return false;
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        if (text[21] == '-')
        {
            offset = -offset;
        }

        // A leap second (:60) is folded into the next second rather than refused.
        var local = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified);
        if (second == 60)
        {
            local = local.AddSeconds(1);
        }

        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        timestamp = new DateTimeOffset(local, offset);
        return true;
    }

    /// <summary>Whether the text has the layout, so a failure can tell "99/Jan/2015…" (a date that does not exist) from text in another layout.</summary>
    public static bool HasShape(ReadOnlySpan<char> text) =>
        text.Length == 26 && text[2] == '/' && text[6] == '/' && text[11] == ':' && text[14] == ':' && text[17] == ':' && text[20] == ' ';

    private static int MonthNumber(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < Months.Length; i++)
        {
            if (name.Equals(Months[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}

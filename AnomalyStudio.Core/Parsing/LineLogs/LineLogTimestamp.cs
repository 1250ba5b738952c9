namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// Reads the timestamp of a log header in the spellings real logs use, without a format string: ISO dates with a space
/// or T, <c>yyyy/MM/dd</c>, <c>yyyy.MM.dd</c>, two-digit years (<c>17/06/09</c>, <c>081109 203615</c>), no year at all
/// (<c>03-17</c>, <c>10.30</c>, <c>Jul  1</c>, klog's <c>0102</c>), <c>yyyyMMdd-HH:mm:ss:SSS</c>, BGL's
/// <c>2005-06-03-15.42.50.675872</c>, epoch seconds or milliseconds, milliseconds after a comma, period or colon, and a
/// zone (Z, UTC, ±hh:mm). A time of day is required. Times without a zone are UTC; a missing year is
/// <see cref="LineLogHeaderParser.ProvisionalYear"/> and reported, so the reader can give the file's year.
/// </summary>
public static class LineLogTimestamp
{
    private const int MaxTokens = 24;

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Parses <paramref name="text"/>; false (never an exception) when it holds no date and time this reads.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset timestamp, out bool yearMissing)
    {
        timestamp = default;
        yearMissing = false;
        Span<Token> tokens = stackalloc Token[MaxTokens];
        var count = Tokenize(text, tokens);
        if (count <= 0)
        {
            return false;
        }

        tokens = tokens[..count];
        if (TryEpoch(text, tokens, out timestamp))
        {
            return true;
        }

        if (!TryTime(text, tokens, out var timeAt, out var timeEnd, out var time))
        {
            return false;
        }

        if (!TryDate(text, tokens, timeAt, timeEnd, out var year, out var month, out var day))
        {
            return false;
        }

        yearMissing = year == 0;
        if (yearMissing)
        {
            year = LineLogHeaderParser.ProvisionalYear;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var offset = Zone(text, tokens, timeEnd);
        if (offset is null)
        {
            return false;
        }

        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified) + time;
        timestamp = new DateTimeOffset(local, TimeSpan.Zero) - offset.Value;
        timestamp = timestamp.ToOffset(TimeSpan.Zero);
        return true;
    }

    // Runs of digits and of letters; Before/After are the characters around a token ('\0' at the ends, ' ' for any space).
    private static int Tokenize(ReadOnlySpan<char> text, Span<Token> tokens)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var digit = char.IsAsciiDigit(c);
            if (!digit && !char.IsAsciiLetter(c))
            {
                i++;
                continue;
            }

            if (count == tokens.Length)
            {
                return -1;
            }

            var start = i;
            long value = 0;
            while (i < text.Length && (digit ? char.IsAsciiDigit(text[i]) : char.IsAsciiLetter(text[i])))
            {
                if (digit && i - start < 18)
                {
                    value = (value * 10) + (text[i] - '0');
                }

                i++;
            }

            tokens[count++] = new Token(start, i - start, digit, value, Around(text, start - 1), Around(text, i));
        }

        return count;
    }

    private static char Around(ReadOnlySpan<char> text, int at) =>
        at < 0 || at >= text.Length ? '\0' : char.IsWhiteSpace(text[at]) ? ' ' : text[at];

    private static bool TryEpoch(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, out DateTimeOffset timestamp)
    {
        timestamp = default;
        var first = tokens[0];
        var fraction = tokens.Length == 2 && tokens[1].Digits && first.After == '.' && tokens[1].Before == '.';
        if (!first.Digits || first.Start != 0 || (tokens.Length != 1 && !fraction) || first.After is not ('\0' or '.'))
        {
            return false;
        }

        if (first.Length is 9 or 10)
        {
            timestamp = DateTimeOffset.FromUnixTimeSeconds(first.Value);
            if (fraction)
            {
                timestamp = timestamp.AddTicks(FractionTicks(text, tokens[1]));
            }

            return true;
        }

        if (first.Length is 12 or 13 && !fraction)
        {
            timestamp = DateTimeOffset.FromUnixTimeMilliseconds(first.Value);
            return true;
        }

        return false;
    }

    // HH:mm:ss with an optional fraction after '.', ',' or ':'; BGL's HH.mm.ss.ffffff after a date; HDFS's HHmmss after yyMMdd.
    private static bool TryTime(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, out int at, out int end, out TimeSpan time)
    {
        time = default;
        for (at = 0; at + 2 < tokens.Length; at++)
        {
            var (h, m, s) = (tokens[at], tokens[at + 1], tokens[at + 2]);
            // HealthApp writes 22:15:2:606, unpadded.
            if (!h.Digits || !m.Digits || !s.Digits || h.Length > 2 || m.Length > 2 || s.Length > 2)
            {
                continue;
            }

            var colon = h.After == ':' && m.After == ':';
            var dotted = at >= 3 && h.After == '.' && m.After == '.' && h.Before == '-' && m.Length == 2 && s.Length == 2;
            if (!colon && !dotted)
            {
                continue;
            }

            end = at + 3;
            long ticks = 0;
            if (end < tokens.Length && tokens[end].Digits && tokens[end].Start == s.Start + s.Length + 1)
            {
                if (s.After is '.' or ',')
                {
                    ticks = FractionTicks(text, tokens[end]);
                    end++;
                }
                else if (colon && s.After == ':' && tokens[end].Length <= 3)
                {
                    ticks = tokens[end].Value * TimeSpan.TicksPerMillisecond; // HealthApp's :606 and :6 are milliseconds
                    end++;
                }
            }

            return TryClock(h.Value, m.Value, s.Value, ticks, out time);
        }

        if (tokens.Length >= 2 && tokens[0].Digits && tokens[0].Length == 6 && tokens[1].Digits && tokens[1].Length == 6 && tokens[0].After == ' ')
        {
            at = 1;
            end = 2;
            var v = tokens[1].Value;
            return TryClock(v / 10000, v / 100 % 100, v % 100, 0, out time);
        }

        at = end = -1;
        return false;
    }

    private static bool TryClock(long hour, long minute, long second, long ticks, out TimeSpan time)
    {
        time = default;
        if (hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        time = new TimeSpan((((hour * 60) + minute) * 60 + Math.Min(second, 59)) * TimeSpan.TicksPerSecond + ticks);
        return true;
    }

    private static long FractionTicks(ReadOnlySpan<char> text, Token token)
    {
        long ticks = 0;
        for (var i = 0; i < 7; i++)
        {
            ticks = (ticks * 10) + (i < token.Length ? text[token.Start + i] - '0' : 0);
        }

        return ticks;
    }

    private static bool TryDate(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int timeAt, int timeEnd, out int year, out int month, out int day)
    {
        var before = tokens[..timeAt];
        return TrySeparatedDate(before, out year, out month, out day)
            || TryNamedMonth(text, before, tokens[timeEnd..], out year, out month, out day)
            || TryBareDate(before, out year, out month, out day);
    }

    // yyyy-MM-dd, yyyy/MM/dd, yyyy.MM.dd, Spark's yy/MM/dd and the American MM/dd/yyyy; dd/MM/yyyy is not guessed.
    private static bool TrySeparatedDate(ReadOnlySpan<Token> before, out int year, out int month, out int day)
    {
        year = month = day = 0;
        for (var i = 0; i + 2 < before.Length; i++)
        {
            var (a, b, c) = (before[i], before[i + 1], before[i + 2]);
            if (!a.Digits || !b.Digits || !c.Digits || a.After is not ('-' or '/' or '.') || b.After != a.After || b.Length > 2)
            {
                continue;
            }

            if (a.Length == 4 && c.Length <= 2)
            {
                (year, month, day) = ((int)a.Value, (int)b.Value, (int)c.Value);
                return true;
            }

            if (a.Length == 2 && c.Length == 2 && a.After == '/')
            {
                (year, month, day) = (TwoDigitYear(a.Value), (int)b.Value, (int)c.Value);
                return true;
            }

            if (a.Length <= 2 && c.Length == 4 && a.After == '/')
            {
                (year, month, day) = ((int)c.Value, (int)a.Value, (int)b.Value);
                return true;
            }
        }

        return false;
    }

    // A month's name: "Jul  1", "1 Jul 2024", "01/May/2024"; a four-digit year before it or after the time (Apache's "Sun Dec 04 04:47:44 2005").
    private static bool TryNamedMonth(ReadOnlySpan<char> text, ReadOnlySpan<Token> before, ReadOnlySpan<Token> after, out int year, out int month, out int day)
    {
        year = month = day = 0;
        for (var i = 0; i < before.Length; i++)
        {
            var named = before[i].Digits ? 0 : MonthOf(text, before[i]);
            if (named == 0)
            {
                continue;
            }

            month = named;
            if (i + 1 < before.Length && before[i + 1].Digits && before[i + 1].Length <= 2)
            {
                day = (int)before[i + 1].Value;
            }
            else if (i > 0 && before[i - 1].Digits && before[i - 1].Length <= 2)
            {
                day = (int)before[i - 1].Value;
            }
            else
            {
                return false;
            }

            year = FourDigitYear(before, i) ?? FourDigitYear(after, -1) ?? 0;
            return true;
        }

        return false;
    }

    // Android's 03-17 and Proxifier's 10.30 (no year), HealthApp's 20171223, HDFS's 081109, klog's 0102.
    private static bool TryBareDate(ReadOnlySpan<Token> before, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (before.Length == 0 || !before[^1].Digits)
        {
            return false;
        }

        var last = before[^1];
        if (before.Length >= 2 && before[^2].Digits && before[^2].Length <= 2 && last.Length <= 2 && before[^2].After is '-' or '.' or '/')
        {
            (month, day) = ((int)before[^2].Value, (int)last.Value);
            return true;
        }

        var v = last.Value;
        switch (last.Length)
        {
            case 8:
                (year, month, day) = ((int)(v / 10000), (int)(v / 100 % 100), (int)(v % 100));
                return true;
            case 6:
                (year, month, day) = (TwoDigitYear(v / 10000), (int)(v / 100 % 100), (int)(v % 100));
                return true;
            case 4:
                (month, day) = ((int)(v / 100), (int)(v % 100));
                return true;
            default:
                return false;
        }
    }

    private static int? FourDigitYear(ReadOnlySpan<Token> tokens, int monthAt)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i != monthAt && tokens[i].Digits && tokens[i].Length == 4 && tokens[i].Value is >= 1900 and <= 2199)
            {
                return (int)tokens[i].Value;
            }
        }

        return null;
    }

    private static int TwoDigitYear(long yy) => (int)(yy < 70 ? 2000 + yy : 1900 + yy);

    private static int MonthOf(ReadOnlySpan<char> text, Token token)
    {
        if (token.Length < 3)
        {
            return 0;
        }

        var word = text.Slice(token.Start, 3);
        for (var m = 0; m < Months.Length; m++)
        {
            if (word.Equals(Months[m], StringComparison.OrdinalIgnoreCase))
            {
                return m + 1;
            }
        }

        return 0;
    }

    // Z, UTC or GMT, or ±hh:mm / ±hhmm / ±hh right after the time; anything else after it is no zone (UTC). Null: a bad offset.
    private static TimeSpan? Zone(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int timeEnd)
    {
        if (timeEnd >= tokens.Length)
        {
            return TimeSpan.Zero;
        }

        var next = tokens[timeEnd];
        if (!next.Digits)
        {
            return TimeSpan.Zero; // Z, UTC, GMT, a weekday, or text: no offset to apply
        }

        if (next.Before is not ('+' or '-') || next.Start < 1 || text[next.Start - 1] != next.Before)
        {
            return TimeSpan.Zero;
        }

        var sign = next.Before == '-' ? -1 : 1;
        long hours;
        long minutes = 0;
        if (next.Length == 4)
        {
            (hours, minutes) = (next.Value / 100, next.Value % 100);
        }
        else if (next.Length == 2)
        {
            hours = next.Value;
            if (next.After == ':' && timeEnd + 1 < tokens.Length && tokens[timeEnd + 1].Digits && tokens[timeEnd + 1].Length == 2)
            {
                minutes = tokens[timeEnd + 1].Value;
            }
        }
        else
        {
            return TimeSpan.Zero; // "-1234567": a number after the time, not a zone
        }

        return hours > 14 || minutes > 59 ? null : sign * new TimeSpan((int)hours, (int)minutes, 0);
    }

    private readonly record struct Token(int Start, int Length, bool Digits, long Value, char Before, char After);
}

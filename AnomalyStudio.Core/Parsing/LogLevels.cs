namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Log levels and severities as an ordered scale, across the spellings of syslog, log4j/logback, .NET, Python and
/// loghub's data sets: TRACE/DEBUG 0 &lt; INFO/NOTICE 1 &lt; WARN 2 &lt; ERROR 3 &lt; CRITICAL/FATAL/SEVERE 4 &lt; ALERT/EMERG/PANIC 5.
/// The one-letter levels of Android's logcat and of klog/glog (V, D, I, W, E, F, A) count too.
/// </summary>
public static class LogLevels
{
    public const int Unknown = -1;

    private static readonly Dictionary<string, int> Ranks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = 0, ["debug"] = 0, ["dbg"] = 0, ["verbose"] = 0, ["fine"] = 0, ["finer"] = 0, ["finest"] = 0,
        ["info"] = 1, ["information"] = 1, ["informational"] = 1, ["notice"] = 1, ["inf"] = 1, ["config"] = 1,
        ["warn"] = 2, ["warning"] = 2, ["wrn"] = 2,
        ["error"] = 3, ["err"] = 3, ["failure"] = 3, ["fail"] = 3,
        ["critical"] = 4, ["crit"] = 4, ["fatal"] = 4, ["severe"] = 4, ["ftl"] = 4,
        ["alert"] = 5, ["emerg"] = 5, ["emergency"] = 5, ["panic"] = 5,
        ["v"] = 0, ["d"] = 0, ["i"] = 1, ["w"] = 2, ["e"] = 3, ["f"] = 4, ["a"] = 4, // logcat's A is "assert"
    };

    /// <summary>The rank of a level name (case-insensitive, brackets and padding ignored), or <see cref="Unknown"/>.</summary>
    public static int Rank(string? level)
    {
        if (string.IsNullOrWhiteSpace(level))
        {
            return Unknown;
        }

        var name = level.AsSpan().Trim().Trim("[]<>():");
        var lookup = Ranks.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(name, out var rank) ? rank : Unknown;
    }

    /// <summary>Whether the word is a level name.</summary>
    public static bool IsLevel(string? word) => Rank(word) != Unknown;

    /// <summary>The level a rank stands for, for explanations ("ERROR").</summary>
    public static string NameOf(int rank) => rank switch
    {
        0 => "DEBUG",
        1 => "INFO",
        2 => "WARN",
        3 => "ERROR",
        4 => "FATAL",
        5 => "EMERG",
        _ => "unknown",
    };
}

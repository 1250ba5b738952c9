using System.Globalization;
using System.Text;

namespace AnomalyStudio.Tests.Support;

/// <summary>
/// A line log whose header no built-in layout knows (<c>~ 2024-05-01 12:00:03 &lt;payments&gt; INFO message</c>), so
/// detection refuses it and only an explicit log format reads it; with <see cref="Format"/> every line is a record.
/// </summary>
public static class CustomHeaderLog
{
    public const string Format = @"~ <Date> <Time> \<<Component>\> <Level> <Content>";

    public const int Lines = 400;

    public static string Text { get; } = Build();

    private static string Build()
    {
        var text = new StringBuilder();
        var start = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        string[] components = ["payments", "orders", "auth"];
        for (var i = 0; i < Lines; i++)
        {
            var level = i % 50 == 7 ? "ERROR" : "INFO";
            var message = level == "ERROR" ? $"charge {i} declined: card expired" : $"charge {i} accepted in {10 + (i % 7)} ms";
            text.Append(CultureInfo.InvariantCulture, $"~ {start.AddSeconds(i * 3):yyyy-MM-dd HH:mm:ss} <{components[i % 3]}> {level} {message}\n");
        }

        return text.ToString();
    }
}

using System.Text.RegularExpressions;
using AnomalyStudio.Core.Parsing.LineLogs;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Parsing.LineLogs;

/// <summary>
/// The header matcher must find exactly the match the regex engine finds (same success, same fields) on every line,
/// since a layout now reads its lines with it: checked on every shared line log, read by every built-in layout and by
/// users' formats, and on those lines cut, spliced and sprinkled with header characters.
/// </summary>
public sealed class HeaderMatcherTests
{
    private static readonly string[] UserFormats =
    [
        "<Date> <Time> <Level> <Component>: <Content>",
        "<Date> <Time> - <Level>  \\[<Thread>:<Component>@<Line>\\] - <Content>",
        "\\[<Time>\\] \\[<Level>\\] <Content>",
        "<Month>  <Day> <Time> <Host> <Component>(\\[<Pid>\\])?: <Content>",
        "<Time>|<Component>|<Pid>|<Content>",
        "<Level> (<Thread>) <Content>",
        "[<Level>] <Component>#<Pid> <Content>",
    ];

    private static readonly string[] Pieces =
    [
        " ", "  ", "\t", ":", ": ", "[", "]", "(", ")", "|", "-", ",", ".", "/", "@", "\\", "\n", "\r", "0", "12", "2015-07-29", "17:41:44,747",
        "INFO", "I", "é", "\u00A0", "\u2003", "\u0663", "😀",
    ];

    public static TheoryData<string> Patterns()
    {
        var data = new TheoryData<string>();
        foreach (var layout in LineLogLayouts.All.Where(l => l.Pattern is not null))
        {
            data.Add(layout.Name);
        }

        foreach (var format in UserFormats)
        {
            data.Add(format);
        }

        return data;
    }

    [Fact]
    public void Reads_every_built_in_layout_but_one_with_a_word_class()
    {
        var without = LineLogLayouts.All.Where(l => l.Pattern is { HasMatcher: false }).Select(l => l.Name).ToList();

        Assert.Equal(["python-basic"], without); // [\w.]+: \w is left to the regex engine
        Assert.All(UserFormats, f => Assert.True(LineLogLayout.FromFormat(f).Pattern!.HasMatcher, f));
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Finds_the_regex_engines_match_on_real_and_mangled_lines(string layoutOrFormat)
    {
        var pattern = (LineLogLayouts.Find(layoutOrFormat) ?? LineLogLayout.FromFormat(layoutOrFormat)).Pattern!;
        var regex = new Regex(pattern.Expression, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
        var matcher = HeaderMatcher.TryCreate(pattern.Expression);
        if (matcher is null)
        {
            return; // left to the regex engine
        }

        var random = new Random(20_260_107);
        var matched = 0;
        foreach (var line in Lines())
        {
            AssertSame(regex, matcher, line);
            matched += regex.IsMatch(line) ? 1 : 0;
            for (var i = 0; i < 3; i++)
            {
                AssertSame(regex, matcher, Mangle(line, random));
            }
        }

        Assert.True(matched > 0 || layoutOrFormat.Contains('<', StringComparison.Ordinal) || layoutOrFormat is "hpc" or "rfc5424" or "klog" or "logback" or "nginx-error" or "python" or "log4j-thread-dash",
            $"{layoutOrFormat} matched no shared line");
    }

    private static IEnumerable<string> Lines()
    {
        var files = Directory.GetFiles(TestData.Shared("loghub"), "*_2k.log").Append(TestData.Shared("logs", "Apache_2k.log")).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file).Take(500))
            {
                yield return line;
            }
        }

        foreach (var line in File.ReadLines(TestData.Shared("sessions", "HDFS_2pct_a.log")).Take(500))
        {
            yield return line;
        }

        foreach (var layout in LineLogLayouts.All)
        {
            yield return layout.Example;
        }
    }

    private static string Mangle(string line, Random random)
    {
        var text = line;
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(text.Length + 1);
            text = random.Next(4) switch
            {
                0 => text[..at],
                1 => text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at)),
                _ => text.Insert(at, Pieces[random.Next(Pieces.Length)]),
            };
        }

        return text;
    }

    // Undecided (past the step budget: a long line and several lazy fields) is left to the regex engine, so it agrees too.
    private static void AssertSame(Regex regex, HeaderMatcher matcher, string line)
    {
        var actual = Actual(matcher, line);
        if (actual != "undecided")
        {
            Assert.True(Expected(regex, line) == actual, $"[{line}]: the regex engine finds {Expected(regex, line)}, the matcher {actual}");
        }
    }

    private static string Expected(Regex regex, string line)
    {
        var match = regex.Match(line);
        return match.Success ? string.Join('|', match.Groups.Cast<Group>().Skip(1).Select(g => g.Success ? $"{g.Index},{g.Length}" : "-")) : "no match";
    }

    private static string Actual(HeaderMatcher matcher, string line)
    {
        var captures = new int[matcher.Groups * 2];
        return matcher.Match(line, captures) switch
        {
            true => string.Join('|', Enumerable.Range(0, matcher.Groups).Select(g => captures[2 * g] >= 0 ? $"{captures[2 * g]},{captures[(2 * g) + 1] - captures[2 * g]}" : "-")),
            false => "no match",
            null => "undecided",
        };
    }
}

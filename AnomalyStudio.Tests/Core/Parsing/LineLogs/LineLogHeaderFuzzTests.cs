using AnomalyStudio.Core;
using AnomalyStudio.Core.Parsing.LineLogs;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AnomalyStudio.Tests.Core.Parsing.LineLogs;

/// <summary>
/// Fuzzing of the line-log header readers: every layout's example, cut, spliced and sprinkled with the characters
/// headers are made of, is read or declined by every layout and by the timestamp reader, never with an exception; any
/// format string compiles or is refused with the project's error.
/// </summary>
public sealed class LineLogHeaderFuzzTests
{
    private static readonly string[] Examples = [.. LineLogLayouts.All.Select(l => l.Example)];

    private static readonly string[] Pieces =
    [
        " ", "  ", "\t", ":", "[", "]", "(", ")", "<", ">", "|", "-", "+", ",", ".", "/", "#", "@", "\\", "\"", "*", "?",
        "0", "9", "12", "2024", "99999999999999999999", "-1", "Jan", "Feb 29", "T", "Z", "+25:99", "INFO", "I", "e", "\0", "\uFFFD", "é", "😀",
        "<Date>", "<Time>", "<Level>", "<Content>", "<Pid>", "(\\[<Pid>\\])?", "<", "<1x>", "\\", "(", ")?",
    ];

    private static Gen<string> Line() =>
        from example in Gen.Elements(Examples)
        from other in Gen.Elements(Examples)
        from seed in Gen.Choose(0, int.MaxValue)
        from edits in Gen.Choose(0, 8)
        select Mutate(example, other, seed, edits);

    [Property(MaxTest = 1000)]
    public Property Any_line_is_read_or_declined_by_every_layout() =>
        Prop.ForAll(Arb.From(Line()), line =>
        {
            foreach (var layout in LineLogLayouts.All)
            {
                if (layout.TryParse(line, out var header) && header.Message is null)
                {
                    return false;
                }
            }

            var dated = LineLogTimestamp.TryParse(line, out var timestamp, out _);
            return (!dated || timestamp.Offset == TimeSpan.Zero) && LineLogLayouts.Recognise([line, line]) is null or { Name.Length: > 0 };
        });

    [Property(MaxTest = 500)]
    public Property Any_format_string_compiles_or_is_refused_with_the_projects_error() =>
        Prop.ForAll(Arb.From(Line()), text =>
        {
            var format = text.Replace("0", "<Date>", StringComparison.Ordinal).Replace("e", "<Content>", StringComparison.Ordinal);
            try
            {
                var layout = LineLogLayout.FromFormat(format);
                return !layout.TryParse(text, out var header) || header.Message is not null;
            }
            catch (InvalidInputException ex)
            {
                return ex.Message.Contains("log format", StringComparison.Ordinal);
            }
        });

    private static string Mutate(string line, string other, int seed, int edits)
    {
        var random = new Random(seed);
        var text = line;
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(text.Length + 1);
            text = random.Next(5) switch
            {
                0 => text[..at],
                1 => text[..at] + other[random.Next(other.Length)..],
                2 => text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at)),
                _ => text.Insert(at, Pieces[random.Next(Pieces.Length)]),
            };
        }

        return text;
    }
}

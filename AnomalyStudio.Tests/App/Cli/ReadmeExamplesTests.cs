using System.Globalization;
using System.Text.RegularExpressions;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.Cli;

/// <summary>
/// The README's command examples run as written. Every fenced block whose commands (<c>$ anomalystudio …</c> or
/// <c>$ ./run.sh …</c>) read the shipped samples or the shared data is run, command by command, in a fresh directory
/// (so <c>-o behaviours.log</c> lands there and the next command reads it); each must exit 0, and each line the README
/// quotes under it must be in the output: word for word (spaces aside), or, for an excerpt of JSON, with every figure
/// found in the output at the precision quoted. A line "..." stands for lines left out, and a line ending in "…" is
/// quoted cut short.
/// </summary>
[Collection(CliTestGroup.Name)]
public sealed partial class ReadmeExamplesTests(CliFixture fixture)
{
    public static TheoryData<int, string> Examples()
    {
        var data = new TheoryData<int, string>();
        foreach (var (line, block) in ReadmeBlocks())
        {
            data.Add(line, block);
        }

        return data;
    }

    [Fact]
    public void The_readme_has_examples_on_the_samples_and_the_shared_data() =>
        Assert.True(ReadmeBlocks().Count >= 4, "the README's examples were not found: was the prompt '$ anomalystudio' changed?");

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_readme_example_runs_as_written_and_prints_the_figures_it_quotes(int line, string block)
    {
        using var scratch = new ScratchDirectory("readme");
        string? output = null;
        var quoted = new List<string>();
        foreach (var text in block.Split('\n'))
        {
            if (Prompt().Match(text) is { Success: true } command)
            {
                await Check(output, quoted, line);
                quoted.Clear();
                var (code, stdout, stderr) = await fixture.RunProcessInAsync(scratch.FullName, Arguments(command.Groups["args"].Value));
                Assert.True(code == 0, $"README line {line}: '{text}' exited {code}: {stderr}");
                output = stdout;
            }
            else if (text.Trim() is { Length: > 0 } expected && expected != "..." && expected != "…")
            {
                quoted.Add(expected);
            }
        }

        await Check(output, quoted, line);
    }

    private static Task Check(string? output, List<string> quoted, int line)
    {
        if (output is null)
        {
            return Task.CompletedTask;
        }

        var compact = Spaceless(output);
        var figures = Figures(output).ToList();
        foreach (var expected in quoted)
        {
            // A line quoted cut short ends in "…": the output has it up to there.
            if (compact.Contains(Spaceless(expected.TrimEnd('…')), StringComparison.Ordinal))
            {
                continue;
            }

            // An excerpt (of JSON, say): every figure it quotes must be in the output, rounded as it is written.
            var missing = FigureTexts(expected).Where(f => !figures.Any(actual => Matches(f, actual))).ToList();
            Assert.True(expected.Contains('"') && missing.Count == 0,
                $"README example at line {line}: the output lacks '{expected}'{(missing.Count > 0 ? " (figures " + string.Join(", ", missing) + ")" : "")}.\nOutput:\n{output}");
        }

        return Task.CompletedTask;
    }

    private static bool Matches(string quoted, double actual)
    {
        var number = double.Parse(quoted.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var decimals = quoted.Contains('.') ? quoted.Length - quoted.IndexOf('.') - 1 : 0;
        return Math.Round(actual, decimals, MidpointRounding.AwayFromZero) == number;
    }

    private static IEnumerable<string> FigureTexts(string text) => Figure().Matches(text).Select(m => m.Value);

    private static IEnumerable<double> Figures(string text) =>
        FigureTexts(text).Select(f => double.Parse(f.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));

    private static string Spaceless(string text) => Regex.Replace(text, @"\s+", "");

    /// <summary>The README's fenced blocks with a command on the samples or the shared data, with the line each starts on.</summary>
    private static List<(int Line, string Block)> ReadmeBlocks()
    {
        var lines = File.ReadAllLines(Path.Combine(TestData.RepositoryRoot, "README.md"));
        var blocks = new List<(int, string)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            var body = lines[(i + 1)..end];
            if (body.Any(l => Prompt().IsMatch(l)) && body.Where(l => Prompt().IsMatch(l)).Any(l => l.Contains("../shared/data/", StringComparison.Ordinal) || l.Contains("samples/", StringComparison.Ordinal)))
            {
                blocks.Add((i + 2, string.Join('\n', body)));
            }

            i = end;
        }

        return blocks;
    }

    /// <summary>A command line split as a shell would (single and double quotes), with the README's relative data paths made absolute.</summary>
    private static string[] Arguments(string line) =>
        [.. ShellWord().Matches(line).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value)
            .Select(a => a.StartsWith("../shared/data/", StringComparison.Ordinal) ? Path.Combine(TestData.SharedData, a["../shared/data/".Length..])
                : a.StartsWith("samples/", StringComparison.Ordinal) ? Path.Combine(TestData.RepositoryRoot, a) : a)];

    [GeneratedRegex(@"^\$ (?:anomalystudio|\./run\.sh) (?<args>.*)$")]
    private static partial Regex Prompt();

    [GeneratedRegex(@"(?<![\w.])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])-?\d+(?:\.\d+)?")]
    private static partial Regex Figure();

    [GeneratedRegex("""'([^']*)'|"([^"]*)"|(\S+)""")]
    private static partial Regex ShellWord();
}

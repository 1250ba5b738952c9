using System.Text.RegularExpressions;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core;

/// <summary>
/// Core's folders run one way along the data's journey (README, "Project layout"): a folder uses, by its <c>using</c>
/// lines, only folders earlier on the journey, and folders that stand aside are used by none of it.
/// </summary>
public sealed partial class CoreLayoutTests
{
    /// <summary>
    /// The journey, earliest first. The stages are libraries that know no kind of file: Scoring's severities and
    /// calibration are plain numbers a detector's registration and a stored model name, so it comes before Detection; a
    /// format (Formats/X) brings its own parser, features, reasons, evidence, entity and facet sources to the stages, so
    /// it comes after all of them, and the pipeline runs them in the order of the data's journey.
    /// </summary>
    private static readonly string[] Journey =
    [
        "Parsing", "Features", "Scoring", "Detection", "Models", "Explanations", "Entities", "Spikes", "TimeSeries", "Patterns", "Feedback", "Formats", "Pipeline", "Reporting",
    ];

    /// <summary>Folders beside the journey: they may use it, it never uses them.</summary>
    private static readonly string[] Aside = ["Samples", "Quality"];

    [Fact]
    public void Every_folder_of_Core_is_on_the_journey_or_stands_aside()
    {
        var unplaced = Folders().Where(f => !Journey.Contains(f) && !Aside.Contains(f)).ToList();

        Assert.True(unplaced.Count == 0, $"Place these folders of Core on the journey or aside: {string.Join(", ", unplaced)}");
    }

    [Fact]
    public void A_folder_of_Core_uses_only_folders_earlier_on_the_journey()
    {
        var wrong = Edges()
            .Where(e => !Aside.Contains(e.From) && (Aside.Contains(e.To) || Rank(e.To) > Rank(e.From)))
            .Select(e => $"{e.From} uses {e.To} ({e.File})")
            .ToList();

        Assert.True(wrong.Count == 0, "Uses against the journey:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Core_folders_have_no_cycle()
    {
        var uses = Edges().GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToHashSet());
        var cycles = uses.Keys.Where(start => Reaches(uses, start)).ToList();

        Assert.True(cycles.Count == 0, $"These folders of Core reach themselves through their using lines: {string.Join(", ", cycles)}");
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> uses, string start)
    {
        var seen = new HashSet<string>();
        var next = new Stack<string>(uses.GetValueOrDefault(start) ?? []);
        while (next.TryPop(out var folder))
        {
            if (folder == start)
            {
                return true;
            }

            if (seen.Add(folder))
            {
                foreach (var used in uses.GetValueOrDefault(folder) ?? [])
                {
                    next.Push(used);
                }
            }
        }

        return false;
    }

    private static int Rank(string folder) => Array.IndexOf(Journey, folder);

    private static string CoreDirectory => Path.Combine(TestData.RepositoryRoot, "AnomalyStudio.Core");

    private static IEnumerable<string> Folders() =>
        Directory.EnumerateDirectories(CoreDirectory).Select(Path.GetFileName).OfType<string>().Where(f => f is not ("bin" or "obj"));

    /// <summary>Each use of another folder of Core, read from the using lines as ../shared/tools/structure.py reads them.</summary>
    private static List<(string From, string To, string File)> Edges() =>
        Folders()
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(CoreDirectory, folder), "*.cs", SearchOption.AllDirectories)
                .SelectMany(file => File.ReadLines(file)
                    .Select(line => UsingLine().Match(line))
                    .Where(m => m.Success && m.Groups[1].Value != folder)
                    .Select(m => (folder, m.Groups[1].Value, Path.GetRelativePath(CoreDirectory, file)))))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?AnomalyStudio\.Core\.(\w+)")]
    private static partial Regex UsingLine();
}

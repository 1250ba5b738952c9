using AnomalyStudio.Core.Formats;
using System.Diagnostics;
using AnomalyStudio.Core.Formats.LineLog;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Parsing.LineLogs;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Cli;

/// <summary>
/// Measures the template miner against loghub's ground truth: messages from the structured CSV's <c>Content</c>
/// column, as loghub's own benchmark feeds its parsers, so the figure does not depend on header parsing; and, where the
/// raw log is read as a line log, the product's reader on the raw file, each line's record matched by its line number.
/// </summary>
public static class ParsingBenchmark
{
    // 2,000 messages take about a millisecond: the fastest of many runs is the miner's speed once JIT-compiled, not
    // the noise of a shared machine.
    private const int TimedRuns = 25;

    public static ParsingRow Run(ParsingSystem system, DrainOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (messages, truth) = ReadStructured(system.StructuredPath);
        var mined = Mine(messages, options);
        var fastest = TimeSpan.MaxValue;
        for (var run = 0; run < TimedRuns; run++)
        {
            var clock = Stopwatch.StartNew();
            Mine(messages, options);
            fastest = TimeSpan.FromTicks(Math.Min(fastest.Ticks, clock.Elapsed.Ticks));
        }

        var (readerFormat, readerAccuracy) = system.RawPath is { } raw ? ThroughReader(raw, truth, cancellationToken) : (null, null);
        return new ParsingRow(
            system.Name,
            messages.Count,
            truth.Distinct(StringComparer.Ordinal).Count(),
            mined.Templates.Count,
            GroupingAccuracy.Of(truth, Enumerable.Range(0, mined.Count).Select(i => mined[i]?.Id).ToList()),
            readerAccuracy,
            readerFormat,
            messages.Count / Math.Max(fastest.TotalSeconds, 1e-9),
            system.DrainAccuracy);
    }

    /// <summary>The <c>Content</c> and <c>EventId</c> of every line of a loghub structured CSV, read with the product's CSV reader.</summary>
    public static (List<string> Messages, List<string> EventIds) ReadStructured(string path)
    {
        using var stream = File.OpenRead(path);
        var table = new CsvTableReader().Read(stream, ',');
        string[] Column(string name) => table.Columns.Single(c => c.Name == name) is { } column
            ? [.. Enumerable.Range(0, table.RowCount).Select(column.Display)]
            : [];
        return ([.. Column("Content")], [.. Column("EventId")]);
    }

    public static RecordTemplates Mine(IReadOnlyList<string> messages, DrainOptions? options = null)
    {
        var miner = new DrainTemplateMiner(options);
        var groups = new LogTemplate?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            groups[i] = miner.Add(messages[i]);
        }

        return miner.Finish(groups);
    }

    /// <summary>The raw log through format detection and the product's reader; a line that starts no record counts wrong.</summary>
    private static (string Format, double? Accuracy) ThroughReader(string raw, List<string> truth, CancellationToken cancellationToken)
    {
        PreparedInput prepared;
        try
        {
            using var stream = File.OpenRead(raw);
            prepared = InputPreparer.Prepare(stream, Path.GetFileName(raw), _ => true, ParseLimits.Default, cancellationToken: cancellationToken);
        }
        catch (Core.InvalidInputException)
        {
            return ("refused", null);
        }

        if (prepared.Format.Name != LineLogFormat.FormatName || prepared.Table?.Templates is not { } templates)
        {
            return (prepared.Format.Name, null);
        }

        var mined = new string?[truth.Count];
        for (var row = 0; row < templates.Count; row++)
        {
            var line = prepared.Table.LineNumbers[row];
            if (line >= 1 && line <= mined.Length)
            {
                mined[line - 1] = templates[row]?.Id;
            }
        }

        return (prepared.Format.Name, GroupingAccuracy.Of(truth, mined));
    }
}

using System.Globalization;
using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Tests.Core.Formats;

/// <summary>
/// A record-shaped format the product does not ship, plugged in the way a new one would be: one event per line
/// (<c>EVT timestamp user action milliseconds</c>), parsed by its own reader into features of its own kind, with its own
/// reasons, its own evidence (a failed action), and its own sources for the entity stage (its users, profiled as a table's
/// identifier column) and the spike stage (its actions and users over time), without handing the pipeline a table.
/// </summary>
public sealed class EventLineFormat : IInputFormat
{
    public const string FormatName = "event-line";

    public static readonly FeatureKind Kind = new("EventLine");

    public string Name => FormatName;

    public string DisplayName => "Event lines";

    public PretrainedFeatures? Pretrained => null;

    public FormatMatch Sniff(FormatSample sample) =>
        sample.Texts.All(t => t.StartsWith("EVT ", StringComparison.Ordinal)) ? new FormatMatch(0.9) : FormatMatch.None;

    public string Expected(FormatSample sample) => "an event line (EVT timestamp user action milliseconds)";

    public PreparedInput Prepare(SniffedInput input, PreparationContext context)
    {
        var times = new List<DateTimeOffset?>();
        var users = new List<string?>();
        var actions = new List<string?>();
        var durations = new List<double>();
        var lines = new List<long>();
        var skipped = new SkippedLines();
        using var reader = new StreamReader(input.Content);
        long number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var parts = line.Split(' ');
            if (parts is not ["EVT", var time, var user, var action, var ms]
                || !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                || !double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var duration))
            {
                skipped.Add(number, "not an event line");
                continue;
            }

            times.Add(at);
            users.Add(user);
            actions.Add(action);
            durations.Add(duration);
            lines.Add(number);
        }

        context.Done(PreparationStage.Parsing);
        var count = lines.Count;
        var table = new CsvTable
        {
            Delimiter = ' ',
            Columns =
            [
                new CsvColumn("time", ColumnRole.Timestamp, null, times.Select(t => t?.ToString("O", CultureInfo.InvariantCulture)).ToArray()),
                new CsvColumn("user", ColumnRole.Identifier, null, [.. users]),
                new CsvColumn("action", ColumnRole.Categorical, null, [.. actions]),
                new CsvColumn("ms", ColumnRole.Numeric, [.. durations], null),
            ],
            RowCount = count,
            LineNumbers = [.. lines],
            RowNumbers = [.. lines],
            Skipped = skipped,
            TotalLines = number,
            Timestamps = [.. times],
        };

        // Its own features: the duration, and how rare the action is in this file.
        var shares = actions.GroupBy(a => a).ToDictionary(g => g.Key!, g => (double)g.Count() / count);
        var matrix = new FeatureMatrix(["ms", "action_rarity"], count);
        for (var i = 0; i < count; i++)
        {
            matrix[i, 0] = durations[i];
            matrix[i, 1] = 1 - shares[actions[i]!];
        }

        context.Done(PreparationStage.Features);
        return new PreparedInput
        {
            Format = this,
            FitOnFile = context.FitOnFile(count),
            Matrix = matrix,
            Kind = Kind,
            Skipped = skipped,
            Lines = [.. lines],
            Source = new CsvRecordSource(table),
            Timestamp = i => times[i],
            Identifier = i => users[i]!,
            Reasons = i => [new Reason($"{actions[i]} took {durations[i]:0} ms", 50)],
            Evidence = [.. actions.Select(a => a == "fail" ? EvidencePrior.Signature : 0)],
            Entities = new TableEntitySource(table),
            Facets = () => new RecordFacets
            {
                Ticks = [.. times.Select(t => t!.Value.UtcTicks)],
                Noun = "events",
                Facets = [Facet.Of("action", Codes(actions)), Facet.Of("user", Codes(users))],
            },
        };
    }

    private static (int[] Codes, IReadOnlyList<string> Values) Codes(List<string?> texts)
    {
        var values = texts.Distinct().Select(t => t!).ToList();
        return ([.. texts.Select(t => values.IndexOf(t!))], values);
    }
}

using System.Globalization;
using System.Text;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Formats;

/// <summary>A record-shaped format is one type and one registration line: the real pipeline reads it, scores it, and finds its entities and spikes.</summary>
public sealed class EventLineFormatTests
{
    private static readonly InputFormatCatalog WithEventLines = new([.. InputFormatCatalog.Standard.Formats, new EventLineFormat()]);

    /// <summary>Twenty users clicking through six hours, one who exports 240 times in two minutes, and three failed actions.</summary>
    private static string Events()
    {
        var random = new Random(1);
        var start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        string[] actions = ["view", "view", "view", "search", "cart"];
        var events = new List<(DateTimeOffset At, string Line)>();
        for (var i = 0; i < 1200; i++)
        {
            var at = start.AddSeconds(random.Next(6 * 3600));
            events.Add((at, $"{at.ToString("O", CultureInfo.InvariantCulture)} user{random.Next(20):00} {actions[random.Next(actions.Length)]} {20 + random.Next(60)}"));
        }

        var burst = start.AddHours(3);
        for (var i = 0; i < 240; i++)
        {
            var at = burst.AddMilliseconds(i * 500);
            events.Add((at, $"{at.ToString("O", CultureInfo.InvariantCulture)} mallory export {900 + random.Next(100)}"));
        }

        for (var i = 0; i < 3; i++)
        {
            var at = start.AddHours(1).AddMinutes(i);
            events.Add((at, $"{at.ToString("O", CultureInfo.InvariantCulture)} user07 fail 30"));
        }

        return string.Join('\n', events.OrderBy(e => e.At).Select(e => "EVT " + e.Line)) + "\n";
    }

    [Fact]
    public async Task A_record_shaped_format_plugged_in_through_the_catalog_is_scored_with_its_entities_and_spikes()
    {
        using var test = new TestPipeline(formats: WithEventLines);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Events()));

        var result = await test.Pipeline.RunAsync(stream, new DetectionRequest
        {
            FileName = "events.log", Mode = DetectionMode.Fit, Entities = new(), Spikes = new(),
        });

        Assert.Equal(EventLineFormat.FormatName, result.Format.Name);
        Assert.Equal(1443, result.Records.Count);
        var failed = Enumerable.Range(0, result.Records.Count).Where(i => result.Source.Fields(i).Any(f => f.Value == "fail")).ToList();
        Assert.Equal(3, failed.Count);
        Assert.All(Enumerable.Range(0, result.Records.Count), i => Assert.Equal(failed.Contains(i) ? EvidencePrior.Signature : 0, result.Evidence![i]));
        var entities = Assert.IsType<AnomalyStudio.Core.Entities.EntityAnalysis>(result.Entities);
        Assert.Equal("user", entities.Column);
        var mallory = entities.Index.Keys.ToList().IndexOf("mallory");
        Assert.Equal(mallory, Array.IndexOf(entities.Scores, entities.Scores.Max()));
        var spikes = Assert.IsType<AnomalyStudio.Core.Spikes.SpikeAnalysis>(result.Spikes);
        Assert.Contains(spikes.Spikes, s => s.Window.Start <= new DateTimeOffset(2026, 1, 5, 11, 1, 0, TimeSpan.Zero) && s.Window.End >= new DateTimeOffset(2026, 1, 5, 11, 0, 0, TimeSpan.Zero));
    }
}

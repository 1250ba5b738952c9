using AnomalyStudio.App.State;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.App.State;

public sealed class EntitiesViewTests
{
    private static readonly AnomalyStudio.Core.Pipeline.DetectionResult Result = EntityScenarioLog.Result;

    [Fact]
    public void A_time_range_keeps_only_the_entities_active_in_it()
    {
        var view = new EntitiesView(Result.Entities!, Result.Spikes!.Facets.Ticks);
        view.SetRange(EntityScenarioInjector.ScannerWindow);
        var keys = view.Indices.Select(e => Result.Entities!.Profiles[e].Key).ToList();
        Assert.Equal(EntityScenarioInjector.ScannerIp, keys[0]);
        Assert.DoesNotContain(EntityScenarioInjector.BruteForceIp, keys);
        Assert.All(view.RecordsOf(view.Indices[0]), i => Assert.True(EntityScenarioInjector.ScannerWindow.Contains(Result.Spikes.Facets.Ticks[i])));

        view.SetRange(null);
        Assert.Equal(Result.Entities!.Count, view.Count);
    }

    [Fact]
    public void Search_and_severity_filters_combine()
    {
        var view = new EntitiesView(Result.Entities!, null);
        view.SetSearch("nikto");
        Assert.Equal([EntityScenarioInjector.ScannerIp], view.Indices.Select(e => Result.Entities!.Profiles[e].Key));
        view.Toggle(Result.Entities!.Severities[view.Indices[0]]);
        Assert.Equal(0, view.Count);
    }

    [Fact]
    public void The_records_table_follows_the_range_too()
    {
        var records = new ResultsView(Result);
        records.SetRange(EntityScenarioInjector.BurstWindow);
        Assert.Equal(EntityScenarioInjector.BurstRequests, records.Count);
        Assert.All(records.Indices, i => Assert.True(EntityScenarioInjector.BurstWindow.Contains(Result.Records.Timestamp(i)!.Value.UtcTicks)));
    }

    [Fact]
    public void The_heat_strip_counts_each_top_entitys_records_once()
    {
        var view = new EntitiesView(Result.Entities!, Result.Spikes!.Facets.Ticks);
        var strip = HeatStrip.Of(Result.Entities!, view.Indices, Result.Spikes.Facets.Ticks, null)!;
        for (var row = 0; row < strip.Entities.Count; row++)
        {
            Assert.Equal(Result.Entities!.Profiles[strip.Entities[row]].Records, strip.Counts[row].Sum());
        }

        Assert.True(Result.Entities!.Severities[strip.Entities[0]] >= Severity.High);
    }
}

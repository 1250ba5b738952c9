using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Components.Views;
using AnomalyStudio.App.Configuration;
using AnomalyStudio.App.State;
using AnomalyStudio.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.Tests.App.State;

/// <summary>The dashboard's registered views, and which one a circuit shows.</summary>
public sealed class DashboardViewsTests : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);

    public void Dispose() => _test.Dispose();

    [Fact]
    public void The_standard_views_are_records_entities_spikes_patterns_compare_and_series_each_with_its_own_component()
    {
        var views = DashboardViewList.Standard.All;

        Assert.Equal(["records", "entities", "spikes", "patterns", "compare", "series"], views.Select(v => v.Tab));
        Assert.Equal(views.Count, views.Select(v => v.Component).Distinct().Count());
        Assert.Equal("records", DashboardViewList.Standard.Default.Tab);
    }

    [Fact]
    public void A_tab_key_registered_twice_is_refused()
    {
        DashboardView View(string tab) => new(tab, typeof(RecordsTab), (_, _) => tab);

        Assert.Throws<ArgumentException>(() => new DashboardViews([View("records"), View("records")]));
        Assert.Throws<ArgumentException>(() => new DashboardViews([]));
    }

    [Fact]
    public void A_chosen_view_is_shown_and_one_with_nothing_to_show_gives_way_to_the_first()
    {
        var views = new DashboardViews(
        [
            .. DashboardViewList.Standard.All,
            new DashboardView("never", typeof(SpikesTab), (_, _) => "Never", _ => false),
        ]);
        using var session = Session();
        using var population = new PopulationSession(session, views);
        Assert.Equal("records", population.View.Tab);

        population.Show("spikes");
        Assert.Equal("spikes", population.View.Tab);

        population.Show("entities"); // no result, so no entities
        Assert.Equal("entities", population.Tab);
        Assert.Equal("records", population.View.Tab);

        population.Show("never");
        Assert.Equal("records", population.View.Tab);
    }

    private AnalysisSession Session()
    {
        var options = Options.Create(new AnomalyStudioOptions());
        return new AnalysisSession(
            new DetectionAdmission(_test.Pipeline, new DetectionGate(options), new ResultMemoryBudget(options), options), options, TimeProvider.System, NullLogger<AnalysisSession>.Instance);
    }
}

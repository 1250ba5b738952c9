using AnomalyStudio.Core.Samples;
using AnomalyStudio.Core.Spikes;
using AnomalyStudio.Tests.Support;
using Xunit.Abstractions;

namespace AnomalyStudio.Tests.Core.Spikes;

/// <summary>Bursts in the real Elastic log with a scanner, a brute-force client and a burst added, and what explains them.</summary>
public sealed class SpikeAnalyzerTests(ITestOutputHelper output)
{
    private static SpikeAnalysis Spikes => EntityScenarioLog.Result.Spikes!;

    private static bool Overlaps(TimeWindow a, TimeWindow b) => a.Start < b.End && b.Start < a.End;

    [Fact]
    public void The_burst_is_the_largest_spike_and_is_explained_by_its_status_agent_and_uri_template()
    {
        foreach (var spike in Spikes.Spikes)
        {
            output.WriteLine($"{spike.Series} {spike.Window} {spike.Count} vs {spike.Expected:0} z {spike.PeakZ:0.0}: {spike.Explanation.Text}");
            foreach (var value in spike.Explanation.Values)
            {
                output.WriteLine("    " + value.Text);
            }
        }

        var burst = Spikes.Spikes[0];
        Assert.True(Overlaps(burst.Window, EntityScenarioInjector.BurstWindow), burst.Window.ToString());
        Assert.Contains(burst.Series, new[] { "all requests", "5xx requests" });
        var named = burst.Explanation.Values.Select(v => (v.Field, v.Value)).ToList();
        Assert.Contains(("agent", EntityScenarioInjector.BurstAgent), named);
        Assert.Contains(("status", "503"), named);
        Assert.Contains(named, v => v.Field == "URI template" && v.Value.StartsWith("/search?q=", StringComparison.Ordinal));
        Assert.Contains("driven by", burst.Explanation.Text);
    }

    [Fact]
    public void The_scanner_is_a_4xx_spike_named_by_its_client()
    {
        var spike = Assert.Single(Spikes.Spikes, s => Overlaps(s.Window, EntityScenarioInjector.ScannerWindow));
        Assert.Equal("4xx requests", spike.Series);
        Assert.Contains(spike.Explanation.Values, v => v.Field == "client" && v.Value == EntityScenarioInjector.ScannerIp);
        Assert.Contains(spike.Explanation.Values, v => v.Field == "status" && v.Value == "404");
        Assert.Contains(EntityScenarioInjector.ScannerIp, spike.Explanation.Text);
    }

    [Fact]
    public void A_chosen_window_names_the_brute_force_client_its_method_and_its_login_uri()
    {
        var explanation = Spikes.Explain(EntityScenarioInjector.BruteForceWindow);
        var first = explanation.Values.Take(4).Select(v => (v.Field, v.Value)).ToList();
        Assert.Contains(("client", EntityScenarioInjector.BruteForceIp), first);
        Assert.Contains(explanation.Values, v => v.Field == "URI template" && v.Value == EntityScenarioInjector.LoginUri);
        Assert.Contains(explanation.Values, v => v.Field == "method" && v.Value == "POST");
        Assert.All(explanation.Values, v => Assert.True(v.Lift >= 2 && v.PValue < 0.01 / 1, v.Text));
    }

    [Fact]
    public void Against_a_baseline_window_of_its_own_only_that_window_counts()
    {
        var baseline = new TimeWindow(EntityScenarioInjector.BruteForceWindow.Start.AddHours(-6), EntityScenarioInjector.BruteForceWindow.Start);
        var explanation = Spikes.Explain(EntityScenarioInjector.BruteForceWindow, baseline);
        var inBaseline = EntityScenarioLog.Result.Spikes!.Facets.Ticks.Count(baseline.Contains);
        Assert.Equal(inBaseline, explanation.BaselineCount);
        Assert.Equal(baseline, explanation.Baseline);
        Assert.Contains(explanation.Values, v => v.Field == "client" && v.Value == EntityScenarioInjector.BruteForceIp);
    }

    [Fact]
    public async Task The_real_log_alone_has_no_burst_in_its_overall_rate()
    {
        var real = await EntityScenarioLog.RunAsync(File.ReadAllText(ElasticLog.Path), null, new SpikeOptions());
        foreach (var spike in real.Spikes!.Spikes)
        {
            output.WriteLine($"{spike.Series} {spike.Window} {spike.Count} vs {spike.Expected:0}: {spike.Explanation.Text}");
        }

        Assert.True(real.Spikes.HasTime);
        Assert.DoesNotContain(real.Spikes.Spikes, s => s.Series == "all requests");
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_is_the_users_error()
    {
        var at = EntityScenarioInjector.BurstWindow.Start;
        Assert.Throws<AnomalyStudio.Core.InvalidInputException>(() => Spikes.Explain(new TimeWindow(at, at)));
    }
}

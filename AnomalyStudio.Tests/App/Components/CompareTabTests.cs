using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Components.Views;
using AnomalyStudio.App.Configuration;
using AnomalyStudio.App.State;
using AnomalyStudio.Core.Samples;
using AnomalyStudio.Core.Spikes;
using AnomalyStudio.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace AnomalyStudio.Tests.App.Components;

/// <summary>bUnit tests of the Compare tab's time ranges, on the Elastic log with a scanner, a brute-forcer and a burst added.</summary>
public sealed class CompareTabTests : IDisposable
{
    private static readonly TimeWindow AroundBehaviours = new(At(18, 3, 0), At(20, 3, 0));

    private readonly TestPipeline _test = new(sharedModels: true);

    public void Dispose() => _test.Dispose();

    private static DateTimeOffset At(int day, int hour, int minute) => new(2015, 5, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_brushed_range_becomes_the_incident_against_the_rest_then_a_second_range_the_baseline()
    {
        var options = Options.Create(new AnomalyStudioOptions());
        var admission = new DetectionAdmission(_test.Pipeline, new DetectionGate(options), new ResultMemoryBudget(options), options);
        using var session = new AnalysisSession(admission, options, TimeProvider.System, NullLogger<AnalysisSession>.Instance);
        var bytes = System.Text.Encoding.UTF8.GetBytes(EntityScenarioLog.Injected.Text);
        await session.UploadAndRunAsync("behaviours.log", bytes.Length, _ => new MemoryStream(bytes));
        Assert.NotNull(session.Result);
        using var population = new PopulationSession(session, DashboardViewList.Standard);
        using var compare = new CompareSession(session, admission);
        // Not ComponentContext: the sessions must be added before its first render.
        await using var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddSingleton(population);
        context.Services.AddSingleton(compare);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var tab = context.Render<CompareTab>(p => p.Add(c => c.Result, session.Result!));

        // Nothing brushed yet: the buttons say so by being disabled, and the text says how to brush.
        Assert.Contains("Brush a range on the time strip above", tab.Find("[data-testid=compare-brushed]").TextContent);
        Assert.True(tab.Find("button[data-testid=compare-use-incident]").HasAttribute("disabled"));
        Assert.Equal("compare-windows-heading", tab.Find("[data-testid=compare-windows]").GetAttribute("aria-labelledby"));

        population.SetRange(AroundBehaviours);
        tab.WaitForAssertion(() => Assert.Contains("Brushed range: 18 May 2015 03:00 – 20 May 2015 03:00 UTC.", tab.Find("[data-testid=compare-brushed]").TextContent));
        await tab.Find("button[data-testid=compare-use-incident]").ClickAsync(new MouseEventArgs());

        tab.WaitForAssertion(() => Assert.StartsWith("behaviours.log 18 May 2015 03:00 – 20 May 2015 03:00 UTC against the rest of behaviours.log:", tab.Find("[data-testid=comparison-text]").TextContent));
        var values = tab.Find("[data-testid=comparison-values]").TextContent;
        Assert.Contains(EntityScenarioInjector.ScannerIp, values);
        Assert.Contains(EntityScenarioInjector.BruteForceIp, values);
        Assert.Contains(EntityScenarioInjector.BurstAgent, values);
        Assert.Contains("the rest of the file", tab.Find("[data-testid=compare-baseline-window]").TextContent);
        Assert.Contains("18 May 2015 03:00 – 20 May 2015 03:00 UTC", tab.Find("[data-testid=compare-incident-window]").TextContent);

        // A second range, before the behaviours, as the baseline: the two ranges are compared.
        population.SetRange(new TimeWindow(At(17, 0, 0), At(18, 3, 0)));
        await tab.Find("button[data-testid=compare-use-baseline]").ClickAsync(new MouseEventArgs());
        tab.WaitForAssertion(() => Assert.Contains("against behaviours.log 17 May 2015 00:00 – 18 May 2015 03:00 UTC", tab.Find("[data-testid=comparison-text]").TextContent));

        // A baseline range that overlaps the incident is refused in words, and the comparison shown stays.
        population.SetRange(new TimeWindow(At(20, 0, 0), At(20, 12, 0)));
        await tab.Find("button[data-testid=compare-use-baseline]").ClickAsync(new MouseEventArgs());
        tab.WaitForAssertion(() => Assert.Contains("overlap", tab.Find("[data-testid=compare-error]").TextContent));
        Assert.Contains("against behaviours.log 17 May 2015 00:00 – 18 May 2015 03:00 UTC", tab.Find("[data-testid=comparison-text]").TextContent);

        // Back to the rest as the baseline.
        await tab.Find("button[data-testid=compare-baseline-rest]").ClickAsync(new MouseEventArgs());
        tab.WaitForAssertion(() => Assert.Contains("against the rest of behaviours.log", tab.Find("[data-testid=comparison-text]").TextContent));
        Assert.Empty(tab.FindAll("[data-testid=compare-error]"));
    }
}

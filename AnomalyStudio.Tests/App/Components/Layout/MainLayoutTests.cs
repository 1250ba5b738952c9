using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Components.Layout;
using AnomalyStudio.App.Components.Pages;
using AnomalyStudio.App.Components.Views;
using AnomalyStudio.App.Configuration;
using AnomalyStudio.App.State;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Detection.IsolationForest;
using AnomalyStudio.Tests.App.Api;
using AnomalyStudio.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace AnomalyStudio.Tests.App.Components.Layout;

/// <summary>The layout's error boundary: an unexpected error in the page shows an alert, and the circuit and the results survive it.</summary>
public sealed class MainLayoutTests : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task A_detector_that_throws_shows_the_error_alert_and_keeps_the_results()
    {
        // A third detector that fails as a bug would, offered beside the real ones.
        _test.Catalog.Register(new DetectorRegistration<IsolationForestOptions>(
            "failing", "Failing detector", [], "Failing", IsolationForestDetector.Registration.DefaultThresholds, (_, _) => new FailingDetector(), o => o.Validate()));
        var options = Options.Create(new AnomalyStudioOptions());
        using var session = new AnalysisSession(
            new DetectionAdmission(_test.Pipeline, new DetectionGate(options), new ResultMemoryBudget(options), options), options, TimeProvider.System, NullLogger<AnalysisSession>.Instance);
        var sample = TestData.Samples("sample_metrics.csv");
        await session.UploadAndRunAsync("sample_metrics.csv", new FileInfo(sample).Length, _ => File.OpenRead(sample));
        var results = session.Result;
        Assert.NotNull(results);

        // Not ComponentContext: the layout brings its own popover provider, and the session must be added before any render.
        await using var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddSingleton(session);
        context.Services.AddSingleton(new PopulationSession(session, DashboardViewList.Standard));
        context.Services.AddSingleton(new TabHandoff(session, AnomalyStudio.App.Scaling.LocalTabLedger.Instance));
        context.Services.AddSingleton(new AnomalyStudio.App.Scaling.SharedStoreStatus());
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true)); // the page reads it for the browser tests' marker
        var page = context.Render<MainLayout>(p => p.Add(l => l.Body, body =>
        {
            body.OpenComponent<Home>(0);
            body.CloseComponent();
        }));
        page.WaitForElement("[data-testid=kpi-total]");

        session.ChooseModel("failing");
        await page.Find("button[data-testid=run]").ClickAsync(new());

        var alert = page.WaitForElement("[data-testid=unexpected-error]");
        Assert.Contains("Your results are kept.", alert.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(FailingDetector.Secret, page.Markup, StringComparison.Ordinal);
        Assert.Same(results, session.Result);
        Assert.False(session.IsRunning);

        await page.Find("button[data-testid=recover]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("5,000", page.Find("[data-testid=kpi-total-value]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=unexpected-error]"));
    }
}
